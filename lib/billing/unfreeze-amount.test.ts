import { describe, expect, it } from "vitest";
import { MIN_TOP_UP_CENTS } from "@/lib/payments/top-up-limits";
import { unfreezeAmountMicros } from "./unfreeze-amount";

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
