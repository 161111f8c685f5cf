import { describe, expect, it } from "vitest";
import { launchSettingsSchema } from "@/lib/admin/admin-schemas";
import { formatGrantForForm, promotionalGrantSchema } from "./promotional-grant";

const form = { launchMode: "limited", accountCap: "500", memberInviteAllowance: "2" };

describe("the welcome credit field", () => {
  it("reads dollars as micro-dollars, from $0 to $100", () => {
    expect(promotionalGrantSchema.parse("5")).toBe(5_000_000n);
    expect(promotionalGrantSchema.parse("$2.50")).toBe(2_500_000n);
    expect(promotionalGrantSchema.parse("0")).toBe(0n);
    expect(promotionalGrantSchema.parse("100.00")).toBe(100_000_000n);
    expect(launchSettingsSchema.parse({ ...form, promotionalGrant: " 7.5 " })).toMatchObject({ promotionalGrant: 7_500_000n });
  });

  it("refuses anything else with one clear message on the field", () => {
    for (const bad of ["", "-1", "100.01", "1e3", "5.001", "five", "1,00"]) {
      const result = launchSettingsSchema.safeParse({ ...form, promotionalGrant: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["promotionalGrant", "Enter the welcome credit in dollars, from $0 to $100 (for example 5 or 2.50)."],
      ]);
    }
    expect(launchSettingsSchema.safeParse(form).success).toBe(false);
  });

  it("shows the stored amount as the form's dollars", () => {
    expect(formatGrantForForm(5_000_000n)).toBe("5.00");
    expect(formatGrantForForm(0n)).toBe("0.00");
    expect(formatGrantForForm(12_340_000n)).toBe("12.34");
  });
});
