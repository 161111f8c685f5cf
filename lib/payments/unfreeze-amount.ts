// What "Pay $X to unfreeze" charges: shared by the dashboard's frozen notice, the unfreeze route's
// Checkout session and (issue 17) the frozen email, so the amount a person reads is the amount Stripe
// asks for. Pure (no `server-only`): unit tests and any renderer can compute it.
import { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS } from "./top-up-limits";

const MICROS_PER_CENT = 10_000n;

export type UnfreezeAmountInput = { balanceMicros: bigint; floorMicros: bigint };

/**
 * The smallest whole-cent top-up that lifts the balance strictly above the floor (standingFor: frozen
 * is "at or below the floor", so reaching the floor exactly is not enough), and never less than the
 * minimum top-up nor more than the maximum one. An account above its floor still gets the minimum:
 * the caller decides whether it is frozen at all.
 */
export function unfreezeAmountCents({ balanceMicros, floorMicros }: UnfreezeAmountInput): number {
  // Micro-dollars needed to end strictly above the floor, then up to the next whole cent.
  const neededMicros = floorMicros - balanceMicros + 1n;
  const neededCents = neededMicros <= 0n ? 0n : (neededMicros + MICROS_PER_CENT - 1n) / MICROS_PER_CENT;
  const cents = neededCents < BigInt(MIN_TOP_UP_CENTS) ? BigInt(MIN_TOP_UP_CENTS) : neededCents;
  return Number(cents > BigInt(MAX_TOP_UP_CENTS) ? BigInt(MAX_TOP_UP_CENTS) : cents);
}
