// What "Pay $X to unfreeze" charges: one answer for the frozen email, the dashboard's frozen notice and the
// unfreeze route's Checkout session (app/(account)/account/billing/unfreeze), so the amount a person reads
// is the amount Stripe asks for. In billing, below payments, because billing's frozen email names it.
// Pure and client-safe: no imports.

/** The smallest and largest card top-up, in cents; lib/payments/top-up-limits.ts re-exports both for the forms. */
export const MIN_TOP_UP_CENTS = 500;
export const MAX_TOP_UP_CENTS = 100_000;

const MICROS_PER_CENT = 10_000n;

export type UnfreezeAmountInput = { balanceMicros: bigint; floorMicros: bigint };

/**
 * The smallest whole-cent top-up that lifts the balance strictly above its overdraft floor (a balance
 * at the floor is still frozen, lib/ledger/standing.ts), never less than the minimum top-up nor more
 * than the maximum one. An account above its floor gets the minimum: the caller decides whether it is
 * frozen at all.
 */
export function unfreezeAmountCents({ balanceMicros, floorMicros }: UnfreezeAmountInput): number {
  const shortfall = floorMicros - balanceMicros + 1n;
  const cents = shortfall > 0n ? (shortfall + MICROS_PER_CENT - 1n) / MICROS_PER_CENT : 0n;
  const atLeast = cents > BigInt(MIN_TOP_UP_CENTS) ? cents : BigInt(MIN_TOP_UP_CENTS);
  return Number(atLeast < BigInt(MAX_TOP_UP_CENTS) ? atLeast : BigInt(MAX_TOP_UP_CENTS));
}

/** The same amount in micro-dollars, for the emails' formatter. */
export function unfreezeAmountMicros(balanceMicros: bigint, floorMicros: bigint): bigint {
  return BigInt(unfreezeAmountCents({ balanceMicros, floorMicros })) * MICROS_PER_CENT;
}
