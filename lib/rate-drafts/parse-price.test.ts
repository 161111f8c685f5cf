import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDecimalPrice, parseDecimalPrice } from "./parse-price";

const micros = (text: string) => {
  const parsed = parseDecimalPrice(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.micros;
};

describe("parseDecimalPrice", () => {
  it("reads dollars as whole micro-dollars, exactly", () => {
    expect(micros("0.04")).toBe(40_000n);
    expect(micros("$0.045")).toBe(45_000n);
    expect(micros(" 12 ")).toBe(12_000_000n);
    expect(micros("12.")).toBe(12_000_000n);
    expect(micros(".25")).toBe(250_000n);
    expect(micros("0.000001")).toBe(1n);
    expect(micros("0")).toBe(0n);
    expect(micros("1000000")).toBe(1_000_000_000_000n);
    // A float would make these 0.30000000000000004 and 0.07 × 10^6 = 70000.00000000001.
    expect(micros("0.3")).toBe(300_000n);
    expect(micros("0.07")).toBe(70_000n);
  });

  it("refuses what is not an exact non-negative price, saying why, never rounding", () => {
    const refused = (text: string) => {
      const parsed = parseDecimalPrice(text);
      return parsed.ok ? `accepted ${parsed.micros}` : parsed.message;
    };
    expect(refused("")).toMatch(/Enter a price/);
    expect(refused("-0.01")).toMatch(/negative/);
    expect(refused("0.0000001")).toMatch(/6 decimal places/);
    expect(refused("0.0450001")).toMatch(/6 decimal places/);
    for (const text of ["1e-3", "0x10", "1,5", "abc", "1.2.3", "Infinity", "NaN", "½", "٣"]) {
      expect(refused(text)).toMatch(/digits/);
    }
    expect(refused("1000000.000001")).toMatch(/at most \$1,000,000/);
    expect(refused("99999999")).toMatch(/at most \$1,000,000/);
  });

  it("reads back every price it formats", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1_000_000_000_000n }), (value) => {
        expect(micros(formatDecimalPrice(value))).toBe(value);
      }),
    );
    expect(formatDecimalPrice(45_000n)).toBe("0.045");
    expect(formatDecimalPrice(12_000_000n)).toBe("12");
  });
});
