import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { fulfillCheckout } from "./fulfill-checkout";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { callStripe } from "./stripe-error";

export type ChargedTopUp = { owner: BillingOwner; sessionId: string };

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

/**
 * The credited top-up a charge paid for. When a refund or dispute arrives before the top-up was
 * fulfilled (events out of order, a dropped webhook), it fulfils it first by re-reading the session
 * from Stripe, so the reversal always has a credit to reverse. Undefined: not one of our top-ups.
 */
export async function ensureTopUpForCharge(db: Database, charge: Stripe.Charge): Promise<ChargedTopUp | undefined> {
  const intentId = idOf(charge.payment_intent);
  if (!intentId) return undefined;
  const known = await db.execute<{ checkout_session_id: string; billing_account_id: string }>(sql`
    select checkout_session_id, billing_account_id from top_ups
    where payment_intent_id = ${intentId} and status = 'paid' and transfer_id is not null`);
  const row = known.rows[0];
  if (row) {
    const owner = await findBillingOwner(db, row.billing_account_id);
    if (!owner) throw new AppError("internal", { message: `Top-up ${row.checkout_session_id} names a missing account.` });
    return { owner, sessionId: row.checkout_session_id };
  }
  const sessions = await callStripe("finding the payment's Checkout session", () =>
    getStripe().checkout.sessions.list({ payment_intent: intentId, limit: 1 }),
  );
  const session = sessions.data[0];
  if (!session) return undefined;
  const fulfilled = await fulfillCheckout(db, session.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  });
  if (!fulfilled || fulfilled.status !== "paid") return undefined;
  const owner = await findBillingOwner(db, fulfilled.accountId);
  return owner ? { owner, sessionId: session.id } : undefined;
}

export { idOf };
