import { describe, expect, it } from "vitest";
import { unfreezeAmountCents } from "./unfreeze-amount";
import { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS } from "./top-up-limits";

const floorMicros = -5_000_000n;

describe("unfreezeAmountCents", () => {
  it("is the minimum top-up when the shortfall is smaller", () => {
    expect(unfreezeAmountCents({ balanceMicros: floorMicros, floorMicros })).toBe(MIN_TOP_UP_CENTS);
    expect(unfreezeAmountCents({ balanceMicros: -7_500_000n, floorMicros })).toBe(MIN_TOP_UP_CENTS);
  });

  it("lifts the balance strictly above the floor, rounded up to a whole cent", () => {
    // $12.345678 below the floor: $12.345679 needed, so $12.35.
    expect(unfreezeAmountCents({ balanceMicros: floorMicros - 12_345_678n, floorMicros })).toBe(1235);
    // Exactly $20.00 below: $20.00 would land on the floor (still frozen), so one cent more.
    expect(unfreezeAmountCents({ balanceMicros: floorMicros - 20_000_000n, floorMicros })).toBe(2001);
    // $19.999999 below: $20.00 ends one micro-dollar above the floor.
    expect(unfreezeAmountCents({ balanceMicros: floorMicros - 19_999_999n, floorMicros })).toBe(2000);
  });

  it("never asks for more than one top-up may be", () => {
    expect(unfreezeAmountCents({ balanceMicros: -5_000_000_000n, floorMicros })).toBe(MAX_TOP_UP_CENTS);
  });

  it("answers the minimum for a balance above the floor", () => {
    expect(unfreezeAmountCents({ balanceMicros: 1_000_000n, floorMicros })).toBe(MIN_TOP_UP_CENTS);
  });
});
