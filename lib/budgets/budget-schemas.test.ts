import { describe, expect, it } from "vitest";
import { budgetInputSchema, budgetRemovalSchema } from "./budget-schemas";

const parse = (amount: string, spaceId = "12", action = "pause") => budgetInputSchema.safeParse({ spaceId, amount, action });

describe("budgetInputSchema", () => {
  it("reads dollars and cents like the top-up form, for a space or the account", () => {
    expect(parse("2").data).toEqual({ spaceId: 12n, amountMicros: 2_000_000n, action: "pause" });
    expect(parse("$1,000,000").data?.amountMicros).toBe(1_000_000_000_000n);
    expect(parse(" 12.5 ").data?.amountMicros).toBe(12_500_000n);
    expect(parse("0.01", "account", "alert").data).toEqual({ spaceId: null, amountMicros: 10_000n, action: "alert" });
  });

  it("refuses amounts under a cent or over $1,000,000, and anything not an amount", () => {
    for (const amount of ["0", "0.00", "-2", "0.001", "1000000.01", "abc", "", "1e3", "2".repeat(40)]) {
      const result = parse(amount);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("$0.01 to $1,000,000");
    }
  });

  it("refuses a target that is neither `account` nor a space id, and an unknown action", () => {
    for (const spaceId of ["", "0", "-1", "12a", "01", "1".repeat(19)]) expect(parse("2", spaceId).success).toBe(false);
    expect(parse("2", "12", "stop").success).toBe(false);
    expect(budgetRemovalSchema.safeParse({ spaceId: "account" }).data).toEqual({ spaceId: null });
  });
});
