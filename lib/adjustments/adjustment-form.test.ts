import { describe, expect, it } from "vitest";
import { AMOUNT_MESSAGE, adjustmentFormSchema } from "./adjustment-form";

const valid = {
  accountId: "acct_ABCDEFGHJKMNPQRSTVWX",
  idempotencyKey: "6f1c2d8e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  direction: "credit",
  amount: "12.50",
  reason: "Goodwill after the outage",
  note: "",
};

describe("adjustmentFormSchema", () => {
  it("parses dollars exactly to micro-dollars, never through a float", () => {
    expect(adjustmentFormSchema.parse(valid)).toEqual({
      ...valid,
      amount: 12_500_000n,
      note: undefined,
      allowFreeze: false,
    });
    expect(adjustmentFormSchema.parse({ ...valid, amount: "$1,000,000" }).amount).toBe(1_000_000_000_000n);
    // 0.1 + 0.2 is not 0.3 in floating point; here 0.29 stays 290,000 micros.
    expect(adjustmentFormSchema.parse({ ...valid, amount: "0.29", allowFreeze: "on" })).toMatchObject({
      amount: 290_000n,
      allowFreeze: true,
    });
  });

  it("refuses amounts that are not whole cents from $0.01 to $1,000,000", () => {
    for (const amount of ["0", "0.00", "-5", "1.005", "1e3", "1,000,000.01", "abc", "", " "]) {
      const result = adjustmentFormSchema.safeParse({ ...valid, amount });
      expect(result.success, amount).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["amount"], message: AMOUNT_MESSAGE });
    }
  });

  it("requires a reason and a form key, and keeps a note only when there is one", () => {
    expect(adjustmentFormSchema.safeParse({ ...valid, reason: "  " }).error?.issues[0]?.path).toEqual(["reason"]);
    expect(adjustmentFormSchema.safeParse({ ...valid, idempotencyKey: "again" }).error?.issues[0]?.path).toEqual([
      "idempotencyKey",
    ]);
    expect(adjustmentFormSchema.safeParse({ ...valid, direction: "gift" }).error?.issues[0]?.path).toEqual([
      "direction",
    ]);
    expect(adjustmentFormSchema.parse({ ...valid, note: "  Sorry about Tuesday.  " }).note).toBe(
      "Sorry about Tuesday.",
    );
    expect(adjustmentFormSchema.safeParse({ ...valid, note: "x".repeat(501) }).success).toBe(false);
    expect(adjustmentFormSchema.safeParse({ ...valid, reason: "bad\u0000reason" }).success).toBe(false);
  });
});
