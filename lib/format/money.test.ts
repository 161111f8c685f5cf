import { describe, expect, it } from "vitest";
import { exactTitle, formatCents, formatExactMicros, roundToCents } from "./money";

describe("roundToCents", () => {
  it("rounds half to even, in both directions", () => {
    expect(roundToCents(5_000n)).toBe(0n);
    expect(roundToCents(15_000n)).toBe(2n);
    expect(roundToCents(25_000n)).toBe(2n);
    expect(roundToCents(25_001n)).toBe(3n);
    expect(roundToCents(-15_000n)).toBe(-2n);
    expect(roundToCents(-25_000n)).toBe(-2n);
    expect(roundToCents(4_999n)).toBe(0n);
  });
});

describe("formatCents", () => {
  it("writes cents with grouping and a sign only where it says something", () => {
    expect(formatCents(1_209_886n)).toBe("$1.21");
    expect(formatCents(0n)).toBe("$0.00");
    expect(formatCents(-2n)).toBe("$0.00");
    expect(formatCents(25_000_000n, { plusSign: true })).toBe("+$25.00");
    expect(formatCents(-5_500_000n)).toBe("-$5.50");
    expect(formatCents(1_234_567_890_000n)).toBe("$1,234,567.89");
  });
});

describe("formatExactMicros", () => {
  it("keeps every micro-dollar", () => {
    expect(formatExactMicros(1_209_886n)).toBe("$1.209886");
    expect(formatExactMicros(-2n)).toBe("-$0.000002");
    expect(formatExactMicros(2n, { plusSign: true })).toBe("+$0.000002");
  });
});

describe("exactTitle", () => {
  it("names the exact amount only when the cents hide some of it", () => {
    expect(exactTitle(1_200_000n)).toBeUndefined();
    expect(exactTitle(1_209_886n)).toBe("Exactly $1.209886");
  });
});
