// The spend alerts' form schema: what a browser posts (an unticked checkbox is absent) and the runway's
// days, whole, from 1 to 90 (alert_preferences_runway_days), refused with a sentence otherwise.
import { describe, expect, it } from "vitest";
import { dismissSpendAlertSchema } from "./dismiss-spend-alert";
import { spendAlertChoicesSchema } from "./update-settings";

describe("spendAlertChoicesSchema", () => {
  it("reads the switches and the days", () => {
    expect(spendAlertChoicesSchema.parse({ runwayAlert: "on", runwayDays: " 14 " })).toEqual({
      budgetAlerts: false,
      runwayAlert: true,
      runwayDays: 14,
      anomalyAlert: false,
    });
  });

  it("refuses days outside 1 to 90, fractions and words", () => {
    for (const runwayDays of ["0", "91", "7.5", "-3", "seven", "", "1e1"]) {
      expect(spendAlertChoicesSchema.safeParse({ runwayDays }).success, runwayDays).toBe(false);
    }
    expect(spendAlertChoicesSchema.safeParse({}).success).toBe(false);
    expect(spendAlertChoicesSchema.safeParse({ runwayDays: "90" }).success).toBe(true);
    expect(spendAlertChoicesSchema.safeParse({ runwayDays: "1" }).success).toBe(true);
  });
});

describe("dismissSpendAlertSchema", () => {
  it("takes a positive whole id and nothing else", () => {
    expect(dismissSpendAlertSchema.parse({ alert: "42" })).toEqual({ alert: 42n });
    for (const alert of ["", "-1", "1.5", "x", "1".repeat(19)]) expect(dismissSpendAlertSchema.safeParse({ alert }).success, alert).toBe(false);
  });
});
