import "server-only";
import type { Database } from "@/lib/db/client";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";

/**
 * Each Checkout, card-setup or portal session is a call to Stripe on our key. A signed-in person (or a
 * script holding their session cookie) replaying the form must not turn that into a flood against
 * Stripe's rate limits, which every other customer shares. A person paying for real needs a handful an
 * hour; an emailed recovery link counts here too.
 */
export const STRIPE_SESSION_LIMIT = { limit: 30, windowSeconds: 3600 } as const;

/** Counts one Stripe session for the account; throws `rate_limited` past STRIPE_SESSION_LIMIT. */
export async function limitStripeSessions(db: Database, accountId: string): Promise<void> {
  await consumeRateLimits(db, [{ bucket: `stripe-sessions:account:${accountId}`, ...STRIPE_SESSION_LIMIT }], "payment pages opened");
}
