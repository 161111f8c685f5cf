import { describe, expect, it } from "vitest";
import { centsToMicros, parseDollarsToCents, topUpFormSchema } from "./top-up-amount";

const attemptId = "5b0f7a44-1c1e-4f34-9c55-0c6d8a9d2b10";

describe("top-up amounts", () => {
  it("parses plain dollar amounts to cents without floats", () => {
    expect(parseDollarsToCents("40")).toBe(4000);
    expect(parseDollarsToCents("12.5")).toBe(1250);
    expect(parseDollarsToCents(" $1,000.00 ")).toBe(100_000);
    expect(parseDollarsToCents("0.29")).toBe(29);
    for (const bad of ["", "abc", "1e3", "-5", "5.001", "1,00", "5,5"]) expect(parseDollarsToCents(bad)).toBeUndefined();
  });

  it("accepts the presets and custom amounts from $5 to $1,000 only", () => {
    expect(topUpFormSchema.parse({ preset: "25", attemptId })).toEqual({ amountCents: 2500, attemptId });
    expect(topUpFormSchema.parse({ preset: "custom", customAmount: "5", attemptId }).amountCents).toBe(500);
    expect(topUpFormSchema.parse({ preset: "custom", customAmount: "1000", attemptId }).amountCents).toBe(100_000);
    for (const customAmount of ["4.99", "1000.01", "lots", ""]) {
      const result = topUpFormSchema.safeParse({ preset: "custom", customAmount, attemptId });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["customAmount"]);
    }
    expect(topUpFormSchema.safeParse({ preset: "30", attemptId }).success).toBe(false);
    expect(topUpFormSchema.safeParse({ preset: "25", attemptId: "x" }).success).toBe(false);
  });

  it("converts cents to micro-dollars exactly", () => {
    expect(centsToMicros(2500)).toBe(25_000_000n);
    expect(() => centsToMicros(1.5)).toThrow(RangeError);
  });
});
