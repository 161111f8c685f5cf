import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { topUps } from "@/lib/db/schema";
import { findTransferByKey } from "@/lib/ledger/find-transfer-by-key";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { findAutoRechargeCredit } from "./find-auto-recharge-credit";
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
  return (await findTransferByKey(db, idempotencyKey))?.id;
}

/**
 * The credited top-up a charge paid for. When a refund or dispute arrives before the top-up was
 * fulfilled (events out of order, a dropped webhook), it fulfils it first by re-reading the session
 * from Stripe, so the reversal always has a credit to reverse. Undefined: not one of our top-ups.
 */
export async function ensureTopUpForCharge(db: Database, charge: Stripe.Charge): Promise<ChargedTopUp | undefined> {
  const intentId = idOf(charge.payment_intent);
  if (!intentId) return undefined;
  const [row] = await db
    .select({ sessionId: topUps.checkoutSessionId, accountId: topUps.billingAccountId })
    .from(topUps)
    .where(and(eq(topUps.paymentIntentId, intentId), eq(topUps.status, "paid"), isNotNull(topUps.transferId)));
  if (row) {
    const owner = await findBillingOwner(db, row.accountId);
    if (!owner) throw new AppError("internal", { message: `Top-up ${row.sessionId} names a missing account.` });
    return { owner, sessionId: row.sessionId, creditTransferId: await creditTransferId(db, `checkout:${row.sessionId}`) };
  }
  const recharged = await findAutoRechargeCredit(db, charge);
  if (recharged) return { owner: recharged, sessionId: intentId, creditTransferId: await creditTransferId(db, `payment_intent:${intentId}`) };
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
