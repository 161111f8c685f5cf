import { describe, expect, it } from "vitest";
import { ALL_ALERTS, wantsStandingEmail } from "./standing-email-choice";

describe("wantsStandingEmail", () => {
  const none = { lowBalance: false, ranOut: false, recovered: false };

  it("always sends the frozen email", () => {
    expect(wantsStandingEmail(none, "grace", "frozen")).toBe(true);
  });

  it("follows each switch for the other changes", () => {
    expect(wantsStandingEmail(none, "active", "low")).toBe(false);
    expect(wantsStandingEmail(none, "low", "grace")).toBe(false);
    expect(wantsStandingEmail(none, "frozen", "active")).toBe(false);
    expect(wantsStandingEmail({ ...none, lowBalance: true }, "active", "low")).toBe(true);
    expect(wantsStandingEmail({ ...none, ranOut: true }, "active", "grace")).toBe(true);
    expect(wantsStandingEmail({ ...none, recovered: true }, "grace", "low")).toBe(true);
  });

  it("sends everything by default", () => {
    expect(wantsStandingEmail(ALL_ALERTS, "active", "low")).toBe(true);
  });
});
