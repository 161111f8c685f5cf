import { describe, expect, it } from "vitest";
import { detectAnomaly, medianMicros } from "./detect-anomaly";

const dollars = (value: number) => BigInt(Math.round(value * 100)) * 10_000n;
const week = [1, 2, 2, 3, 2, 1, 2].map(dollars);

describe("medianMicros", () => {
  it("is the middle value of seven, whatever their order", () => {
    expect(medianMicros([7n, 1n, 5n, 3n, 2n, 6n, 4n])).toBe(4n);
  });
});

describe("detectAnomaly", () => {
  it("fires at 5× the median of the 7 days before, not below", () => {
    expect(detectAnomaly({ costMicros: dollars(10), history: week })).toEqual({ costMicros: dollars(10), medianMicros: dollars(2) });
    expect(detectAnomaly({ costMicros: dollars(10) - 1n, history: week })).toBeNull();
  });
  it("needs 7 days of history", () => {
    expect(detectAnomaly({ costMicros: dollars(100), history: week.slice(1) })).toBeNull();
  });
  it("takes only the 7 days right before", () => {
    expect(detectAnomaly({ costMicros: dollars(10), history: [dollars(50), ...week] })).not.toBeNull();
  });
  it("counts days without usage as zero, and floors the median at $0.20", () => {
    const idle = [0n, 0n, 0n, dollars(0.01), 0n, 0n, 0n];
    expect(detectAnomaly({ costMicros: dollars(0.99), history: idle })).toBeNull();
    expect(detectAnomaly({ costMicros: dollars(1), history: idle })).toEqual({ costMicros: dollars(1), medianMicros: 0n });
  });
});
