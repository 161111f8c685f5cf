// Exact integer sums without a bigint per addition: a number while the value is a safe integer (every
// realistic sum of usage and micros), a bigint once it would not be. Both print as plain digits, so
// either goes into a Postgres array literal as it is.

export type ExactSum = number | bigint;

/** a + b, exactly. */
export function plus(a: ExactSum, b: ExactSum): ExactSum {
  if (typeof a === "number" && typeof b === "number") {
    // Two safe integers whose exact sum is a safe integer add exactly in doubles; a sum past that rounds
    // to at least 2^53, so the test below catches every inexact case.
    const sum = a + b;
    if (Math.abs(sum) <= Number.MAX_SAFE_INTEGER) return sum;
  }
  return BigInt(a) + BigInt(b);
}

/** cells[index] += value, exactly (a missing cell counts as 0). */
export function addAt(cells: ExactSum[], index: number, value: ExactSum): void {
  cells[index] = plus(cells[index] ?? 0, value);
}
