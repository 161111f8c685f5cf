import { describe, expect, it } from "vitest";
import { usageWriteOffMicros } from "./usage-write-off";

const FLOOR = -5_000_000n;

describe("usageWriteOffMicros", () => {
  it("writes off nothing while the charge leaves the balance at or above the floor", () => {
    expect(usageWriteOffMicros(5_000_000n, FLOOR, 3_000_000n)).toBe(0n);
    expect(usageWriteOffMicros(5_000_000n, FLOOR, 10_000_000n)).toBe(0n);
  });

  it("writes off exactly the part below the floor when the charge crosses it", () => {
    expect(usageWriteOffMicros(5_000_000n, FLOOR, 12_500_001n)).toBe(2_500_001n);
    expect(usageWriteOffMicros(-4_999_999n, FLOOR, 2n)).toBe(1n);
  });

  it("writes off the whole charge once the balance is at or below the floor", () => {
    expect(usageWriteOffMicros(FLOOR, FLOOR, 7n)).toBe(7n);
    expect(usageWriteOffMicros(-9_000_000n, FLOOR, 1_000_000n)).toBe(1_000_000n);
  });

  it("lets a closed account's usage (a floor raised above zero) draw its credit to zero, no further", () => {
    const closed = 9_223_372_036_854_775_807n;
    expect(usageWriteOffMicros(5_000_000n, closed, 2_000_000n)).toBe(0n);
    expect(usageWriteOffMicros(5_000_000n, closed, 7_000_000n)).toBe(2_000_000n);
  });
});
