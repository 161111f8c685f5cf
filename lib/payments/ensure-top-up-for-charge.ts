import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { fulfillAutoRecharge } from "./fulfill-auto-recharge";
import { fulfillCheckout } from "./fulfill-checkout";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";

export type ChargedTopUp = {
  owner: BillingOwner;
  /** The Checkout session id, or the PaymentIntent id of an auto-recharge: named in reversal reasons. */
  sessionId: string;
  /** The ledger transfer that credited the payment: a refund or dispute names it as the one it reverses. */
  creditTransferId: bigint | undefined;
};

async function creditTransferId(db: Database, idempotencyKey: string): Promise<bigint | undefined> {
  const rows = await db.execute<{ id: string }>(sql`select id::text from transfers where idempotency_key = ${idempotencyKey}`);
  return rows.rows[0] ? BigInt(rows.rows[0].id) : undefined;
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
    return { owner, sessionId: row.checkout_session_id, creditTransferId: await creditTransferId(db, `checkout:${row.checkout_session_id}`) };
  }
  const recharge = await fulfillAutoRecharge(db, intentId);
  if (recharge) return { owner: recharge.owner, sessionId: intentId, creditTransferId: await creditTransferId(db, `payment_intent:${intentId}`) };
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
  return owner ? { owner, sessionId: session.id, creditTransferId: await creditTransferId(db, `checkout:${session.id}`) } : undefined;
}

export { idOf };
