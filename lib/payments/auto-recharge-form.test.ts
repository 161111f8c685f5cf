import { describe, expect, it } from "vitest";
import { autoRechargeFormSchema } from "./auto-recharge-form";

const parse = (fields: Record<string, string>) => autoRechargeFormSchema.safeParse({ enabled: "on", threshold: "5", target: "25", monthlyCap: "100", ...fields });

describe("auto-recharge settings form", () => {
  it("turns dollar amounts into cents", () => {
    expect(autoRechargeFormSchema.parse({ enabled: "off", threshold: "4.50", target: "$20", monthlyCap: "1,000" })).toEqual({
      enabled: false,
      thresholdCents: 450,
      targetCents: 2000,
      monthlyCapCents: 100_000,
    });
  });

  it("names the field that is wrong, with a message saying what is allowed", () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ threshold: "501" }, "threshold", /at most \$500/],
      [{ threshold: "abc" }, "threshold", /dollars and cents/],
      [{ target: "9.99" }, "target", /at least \$5 above/],
      [{ target: "1000.01" }, "target", /at most \$1,000/],
      [{ monthlyCap: "9" }, "monthlyCap", /from \$10 to \$5,000/],
      [{ threshold: "0", target: "500", monthlyCap: "100" }, "monthlyCap", /at least one recharge/],
    ];
    for (const [fields, path, message] of cases) {
      const result = parse(fields);
      expect(result.success, JSON.stringify(fields)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([path]);
      expect(result.error?.issues[0]?.message).toMatch(message);
    }
    expect(parse({ enabled: "maybe" }).success).toBe(false);
  });
});
