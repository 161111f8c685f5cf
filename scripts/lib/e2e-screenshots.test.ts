import { describe, expect, it } from "vitest";
import { areScreenshotsWanted } from "./e2e-screenshots";

describe("areScreenshotsWanted", () => {
  it("takes them locally and skips them in CI", () => {
    expect(areScreenshotsWanted({})).toBe(true);
    expect(areScreenshotsWanted({ CI: "false" })).toBe(true);
    expect(areScreenshotsWanted({ CI: "true" })).toBe(false);
    expect(areScreenshotsWanted({ CI: "1" })).toBe(false);
  });

  it("follows E2E_SCREENSHOTS either way", () => {
    expect(areScreenshotsWanted({ CI: "true", E2E_SCREENSHOTS: "1" })).toBe(true);
    expect(areScreenshotsWanted({ E2E_SCREENSHOTS: "0" })).toBe(false);
    expect(areScreenshotsWanted({ E2E_SCREENSHOTS: "false" })).toBe(false);
    expect(areScreenshotsWanted({ CI: "true", E2E_SCREENSHOTS: "true" })).toBe(true);
  });
});
