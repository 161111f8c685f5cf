import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const appUrl = "https://tandem.example";

describe("safeReturnPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnPath("/account/billing/unfreeze", appUrl)).toBe("/account/billing/unfreeze");
    expect(safeReturnPath("/account/usage?range=24h#top", appUrl)).toBe("/account/usage?range=24h#top");
    expect(safeReturnPath("https://tandem.example/account", appUrl)).toBe("/account");
  });

  it("refuses other origins, however they are spelled", () => {
    for (const candidate of [
      "https://evil.example/account",
      "//evil.example/account",
      "/\\evil.example",
      "\\\\evil.example",
      "https://tandem.example.evil.example/x",
      "https://tandem.example@evil.example/",
      "javascript:alert(1)",
      "account",
      "/acc\nount",
      "",
    ]) {
      expect(safeReturnPath(candidate, appUrl), candidate).toBeUndefined();
    }
  });

  it("refuses what is not one string, too long, or a way back into sign-in", () => {
    expect(safeReturnPath(["/account", "/x"], appUrl)).toBeUndefined();
    expect(safeReturnPath(undefined, appUrl)).toBeUndefined();
    expect(safeReturnPath(`/${"a".repeat(2_048)}`, appUrl)).toBeUndefined();
    expect(safeReturnPath("/sign-in", appUrl)).toBeUndefined();
    expect(safeReturnPath("/sign-in/check-email", appUrl)).toBeUndefined();
    expect(safeReturnPath("/api/auth/signout", appUrl)).toBeUndefined();
    expect(safeReturnPath("/sign-inside", appUrl)).toBe("/sign-inside");
  });
});
