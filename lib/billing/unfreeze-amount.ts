// What a frozen account must pay to run again, for the frozen email's "Pay $X to unfreeze" and the
// one-click link it carries (app/(account)/account/billing/unfreeze). Pure and client-safe: no imports.

/**
 * The smallest card top-up, in cents. It lives here, below payments, because billing's frozen email
 * must name it; lib/payments/top-up-limits.ts re-exports it for the forms.
 */
export const MIN_TOP_UP_CENTS = 500;

const MICROS_PER_CENT = 10_000n;

/**
 * The shortfall that lifts a balance strictly above its overdraft floor (a balance at the floor is still
 * frozen, lib/ledger/standing.ts), rounded up to whole cents, and at least the minimum top-up.
 */
export function unfreezeAmountMicros(balanceMicros: bigint, floorMicros: bigint): bigint {
  const shortfall = floorMicros - balanceMicros + 1n;
  const cents = shortfall > 0n ? (shortfall + MICROS_PER_CENT - 1n) / MICROS_PER_CENT : 0n;
  const minimum = BigInt(MIN_TOP_UP_CENTS);
  return (cents > minimum ? cents : minimum) * MICROS_PER_CENT;
}
