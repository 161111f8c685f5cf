import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it("keeps the domain and the first letters, hiding the rest of the local part", () => {
    expect(maskEmail("ada@example.com")).toBe("a••@example.com");
    expect(maskEmail("ada.lovelace@example.com")).toBe("ad•••@example.com");
  });

  it("never shows a short local part whole, nor how long a long one is", () => {
    expect(maskEmail("a@example.com")).toBe("a••@example.com");
    expect(maskEmail("ab@example.com")).toBe("a••@example.com");
    expect(maskEmail("a-very-long-name@example.com")).toBe(maskEmail("abcde@example.com").replace("ab", "a-"));
  });

  it("names no one for something that is not an address", () => {
    expect(maskEmail("no-at-sign")).toBe("an account holder");
  });
});
