import { describe, expect, it } from "vitest";
import { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS, unfreezeAmountCents, unfreezeAmountMicros } from "./unfreeze-amount";

const FLOOR = -5_000_000n;

describe("unfreezeAmountMicros", () => {
  it("is the minimum top-up when the shortfall is smaller", () => {
    expect(MIN_TOP_UP_CENTS).toBe(500);
    expect(unfreezeAmountMicros(-5_500_000n, FLOOR)).toBe(5_000_000n);
    // At the floor exactly the account is still frozen: it needs more than nothing.
    expect(unfreezeAmountMicros(FLOOR, FLOOR)).toBe(5_000_000n);
  });

  it("lifts the balance strictly above the floor, rounded up to whole cents", () => {
    // $12.345678 below the floor: $12.345679 lifts it above; up to cents, $12.35.
    expect(unfreezeAmountMicros(FLOOR - 12_345_678n, FLOOR)).toBe(12_350_000n);
    // A whole-cent shortfall still needs one more cent (the floor itself is frozen).
    expect(unfreezeAmountMicros(FLOOR - 20_000_000n, FLOOR)).toBe(20_010_000n);
  });
});

describe("unfreezeAmountCents", () => {
  it("is the minimum top-up when the shortfall is smaller, and for a balance above the floor", () => {
    expect(unfreezeAmountCents({ balanceMicros: FLOOR, floorMicros: FLOOR })).toBe(MIN_TOP_UP_CENTS);
    expect(unfreezeAmountCents({ balanceMicros: 1_000_000n, floorMicros: FLOOR })).toBe(MIN_TOP_UP_CENTS);
  });

  it("lifts the balance strictly above the floor, rounded up to a whole cent", () => {
    expect(unfreezeAmountCents({ balanceMicros: FLOOR - 12_345_678n, floorMicros: FLOOR })).toBe(1235);
    expect(unfreezeAmountCents({ balanceMicros: FLOOR - 20_000_000n, floorMicros: FLOOR })).toBe(2001);
    // $19.999999 below: $20.00 ends one micro-dollar above the floor.
    expect(unfreezeAmountCents({ balanceMicros: FLOOR - 19_999_999n, floorMicros: FLOOR })).toBe(2000);
  });

  it("never asks for more than one top-up may be, in the email either", () => {
    expect(unfreezeAmountCents({ balanceMicros: -5_000_000_000n, floorMicros: FLOOR })).toBe(MAX_TOP_UP_CENTS);
    expect(unfreezeAmountMicros(-5_000_000_000n, FLOOR)).toBe(BigInt(MAX_TOP_UP_CENTS) * 10_000n);
  });
});
