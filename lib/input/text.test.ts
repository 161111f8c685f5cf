import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isWithinInstantBounds } from "./instant";
import { CONTROL_CHARACTER_MESSAGE, ILL_FORMED_MESSAGE, safeTextSchema, textProblem } from "./text";

describe("textProblem", () => {
  it("accepts ordinary text, emoji and accents", () => {
    expect(textProblem("Zoë 🚀 chess-club")).toBeUndefined();
  });

  it("refuses lone surrogates and control characters", () => {
    expect(textProblem("x\ud800")).toBe(ILL_FORMED_MESSAGE);
    expect(textProblem("a\u0000b")).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem("a\u009bb")).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem("two\nlines")).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem("two\nlines", { allowLineBreaks: true })).toBeUndefined();
    expect(textProblem("nul\u0000", { allowLineBreaks: true })).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it("composes with a base schema", () => {
    const schema = safeTextSchema(z.string().trim().max(5));
    expect(schema.parse("  abc ")).toBe("abc");
    expect(schema.safeParse("abcdefg").success).toBe(false);
    expect(schema.safeParse("a\u0000").success).toBe(false);
  });
});

describe("isWithinInstantBounds", () => {
  it("keeps dates to the site's era", () => {
    expect(isWithinInstantBounds(new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(isWithinInstantBounds(new Date("0000-01-01T00:00:00Z"))).toBe(false);
    expect(isWithinInstantBounds(new Date("9999-12-31T00:00:00Z"))).toBe(false);
    expect(isWithinInstantBounds(new Date(Number.NaN))).toBe(false);
  });
});
