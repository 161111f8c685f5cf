import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMicros, rateUnits } from "./rate-units";

const seedCard = [
  { priceMicros: 40000n, perUnits: 3600000n },
  { priceMicros: 5000n, perUnits: 1073741824n },
  { priceMicros: 10000n, perUnits: 100n },
  { priceMicros: 250000n, perUnits: 1000000n },
  { priceMicros: 20000n, perUnits: 783831531520n },
];

describe("rateUnits", () => {
  it("bills the exact price of the summed units to within one micro-dollar, for any sequence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seedCard),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { maxLength: 200 }),
        (price, sequence) => {
          let carry = 0n;
          let billed = 0n;
          for (const units of sequence) {
            const rated = rateUnits(price, units, carry);
            billed += rated.micros;
            carry = rated.carry;
            expect(carry >= 0n && carry < price.perUnits).toBe(true);
          }
          const total = sequence.reduce((sum, units) => sum + units, 0n);
          const exactNumerator = total * price.priceMicros;
          // billed ≤ exact < billed + 1, in exact rational arithmetic.
          expect(billed * price.perUnits <= exactNumerator).toBe(true);
          expect(exactNumerator < (billed + 1n) * price.perUnits).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("prices the documented examples", () => {
    expect(rateUnits({ priceMicros: 40000n, perUnits: 3600000n }, 3600000n, 0n)).toEqual({ micros: 40000n, carry: 0n });
    expect(rateUnits({ priceMicros: 20000n, perUnits: 783831531520n }, 1073741824n * 730n, 0n).micros).toBe(20000n);
    expect(rateUnits({ priceMicros: 250000n, perUnits: 1000000n }, 3n, 0n)).toEqual({ micros: 0n, carry: 750000n });
  });

  it("refuses negative units", () => {
    expect(() => rateUnits({ priceMicros: 1n, perUnits: 1n }, -1n, 0n)).toThrow(RangeError);
  });
});

describe("formatMicros", () => {
  it("formats without floats", () => {
    expect(formatMicros(12_500_000n)).toBe("$12.50");
    expect(formatMicros(-5_000_000n)).toBe("-$5.00");
    expect(formatMicros(1_234_567_890_123n)).toBe("$1,234,567.89");
    expect(formatMicros(40_000n, { decimals: 4 })).toBe("$0.0400");
    expect(formatMicros(5n)).toBe("$0.00");
  });
});
