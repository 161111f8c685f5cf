import { describe, expect, it } from "vitest";
import { debitFloorProblem } from "./adjustment-floor";

const FLOOR = -5_000_000n;
const check = (balanceMicros: bigint, amountMicros: bigint, allowFreeze = false, floorMicros = FLOOR) =>
  debitFloorProblem({ balanceMicros, amountMicros, floorMicros, allowFreeze });

describe("debitFloorProblem", () => {
  it("lets a debit through while it leaves the balance above the floor, into grace included", () => {
    expect(check(10_000_000n, 10_000_000n)).toBeUndefined();
    expect(check(10_000_000n, 14_999_999n)).toBeUndefined();
  });

  it("asks for 'allow freeze' when the debit reaches the floor (at the floor is frozen)", () => {
    expect(check(10_000_000n, 15_000_000n)).toEqual({ kind: "would_freeze", balanceAfterMicros: FLOOR });
    expect(check(10_000_000n, 15_000_000n, true)).toBeUndefined();
  });

  it("refuses any debit past the floor, allowed to freeze or not, and says how much could go", () => {
    expect(check(10_000_000n, 15_000_001n, true)).toEqual({
      kind: "past_floor",
      balanceAfterMicros: -5_000_001n,
      mostMicros: 15_000_000n,
    });
    expect(check(FLOOR, 1n, true)).toEqual({ kind: "past_floor", balanceAfterMicros: FLOOR - 1n, mostMicros: 0n });
  });

  it("draws a closed account (floor raised above zero) to zero at most, as usage does", () => {
    const closed = 9_223_372_036_854_775_807n;
    expect(check(5_000_000n, 5_000_000n, false, closed)).toEqual({ kind: "would_freeze", balanceAfterMicros: 0n });
    expect(check(5_000_000n, 5_000_000n, true, closed)).toBeUndefined();
    expect(check(5_000_000n, 5_000_001n, true, closed)).toMatchObject({ kind: "past_floor", mostMicros: 5_000_000n });
  });
});
