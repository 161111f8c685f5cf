// The settings forms' schemas, beside the functions they feed (setAlertChoices, closeAccount): what a
// browser actually posts (an unticked checkbox is absent) and the typed confirmation.
import { describe, expect, it } from "vitest";
import { closeAccountSchema } from "./close-account";
import { alertChoicesSchema } from "./update-settings";

describe("alertChoicesSchema", () => {
  it("reads a ticked checkbox as yes and an absent one as no", () => {
    expect(alertChoicesSchema.parse({ lowBalance: "on", recovered: "on" })).toEqual({ lowBalance: true, ranOut: false, recovered: true });
    expect(alertChoicesSchema.parse({})).toEqual({ lowBalance: false, ranOut: false, recovered: false });
  });

  it("refuses any other value", () => {
    expect(alertChoicesSchema.safeParse({ ranOut: "true" }).success).toBe(false);
  });
});

describe("closeAccountSchema", () => {
  it("accepts CLOSE in any case, spaces around", () => {
    for (const confirm of ["CLOSE", "close", "  Close "]) expect(closeAccountSchema.safeParse({ confirm }).success, confirm).toBe(true);
  });

  it("refuses anything else, saying what to type", () => {
    for (const confirm of ["", "clos", "CLOSE IT"]) {
      const parsed = closeAccountSchema.safeParse({ confirm });
      expect(parsed.success, confirm).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("type CLOSE to confirm");
    }
    expect(closeAccountSchema.safeParse({}).success).toBe(false);
  });
});
