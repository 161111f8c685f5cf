import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { crashPoint } from "@/lib/faults/crash-point";
import { getLogger } from "@/lib/observability/logger";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { getStripe } from "@/lib/stripe/get-stripe";
import { adoptCardFromTopUp } from "./auto-recharge-settings";
import { creditCardPayment } from "./credit-card-payment";
import { findBillingOwner } from "./get-billing-account-for-user";
import { getPaymentMetrics } from "./payment-metrics";
import { sendPaymentNoticesNow } from "./payment-notices";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";
import { centsToMicros } from "./top-up-amount";

export type TopUpStatus = "open" | "processing" | "paid" | "failed" | "expired";

export type FulfilmentResult = {
  sessionId: string;
  accountId: string;
  status: TopUpStatus;
  amountMicros: bigint;
  /** The account's balance right after this call (fresh from the posting transaction). */
  balanceMicros: bigint;
  /** True for the one call that posted the credit; every other call (webhook or page) replays. */
  isNewCredit: boolean;
};

export type FulfillCheckoutOptions = {
  /** Refuse (as not found) a session that belongs to another billing account: the return page's check. */
  expectedAccountId?: string;
};

function statusOf(session: Stripe.Checkout.Session, intent: Stripe.PaymentIntent | null): TopUpStatus {
  if (session.payment_status === "paid") return "paid";
  if (session.status === "expired") return "expired";
  if (session.status === "open") return "open";
  return intent?.status === "processing" ? "processing" : "failed";
}

function expandedIntent(session: Stripe.Checkout.Session): Stripe.PaymentIntent | null {
  return typeof session.payment_intent === "object" ? session.payment_intent : null;
}

function expandedCharge(intent: Stripe.PaymentIntent | null): Stripe.Charge | null {
  return intent && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
}

function expandedInvoice(session: Stripe.Checkout.Session): Stripe.Invoice | null {
  return session.invoice !== null && typeof session.invoice === "object" ? session.invoice : null;
}

/**
 * The one fulfilment of a top-up, called by the webhook and by the return page, in any order and any
 * number of times. It re-reads the session from Stripe (never trusting an event's payload or order)
 * and, once it is paid, posts exactly one `top_up` transfer keyed `checkout:<session id>`: the key is
 * UNIQUE in the ledger and written in the same transaction as the credit and the standing change.
 * It credits the session's `amount_subtotal`, the credit bought: tax Stripe added on top is owed to a
 * tax authority, not spendable credit. The session's invoice (Checkout's `invoice_creation`) is recorded
 * in that same transaction; when Stripe has not attached it yet, a later invoice event or read does.
 */
export async function fulfillCheckout(db: Database, sessionId: string, options: FulfillCheckoutOptions = {}): Promise<FulfilmentResult> {
  crashPoint("fulfill-checkout:before-stripe");
  const session = await callStripe("checking the payment", () =>
    getStripe().checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge", "invoice"] }),
  );
  crashPoint("fulfill-checkout:after-stripe");
  const accountId = session.metadata?.billing_account_id ?? session.client_reference_id;
  const owner = accountId ? await findBillingOwner(db, accountId) : undefined;
  if (!owner || session.mode !== "payment" || (options.expectedAccountId && options.expectedAccountId !== owner.accountId)) {
    throw new AppError("not_found", { message: "That payment was not found for this account." });
  }
  if (session.currency !== "usd" || session.amount_subtotal === null) {
    throw new AppError("internal", { message: `Checkout session ${session.id} is not a USD top-up.` });
  }
  const intent = expandedIntent(session);
  const charge = expandedCharge(intent);
  const status = statusOf(session, intent);
  const invoice = expandedInvoice(session);
  const amountMicros = centsToMicros(session.amount_subtotal);

  const { balanceMicros, transfer } = await runTransaction(db, async (tx) => {
    let posted: { id: bigint; isReplay: boolean } | undefined;
    let balance: bigint | undefined;
    if (status === "paid") {
      ({ transfer: posted, balanceMicros: balance } = await creditCardPayment(tx, {
        owner,
        idempotencyKey: `checkout:${session.id}`,
        amountMicros,
        reason: "Card top-up through Stripe Checkout",
        metadata: { checkout_session_id: session.id },
        cause: `top-up ${session.id}`,
        receiptUrl: charge?.receipt_url ?? null,
      }));
    }
    // Never downgrade a paid top-up: an older read racing a newer one must not undo what it saw.
    await tx.execute(sql`
      insert into top_ups (checkout_session_id, billing_account_id, amount_micros, status, payment_intent_id, charge_id,
        receipt_url, transfer_id, failure_reason)
      values (${session.id}, ${owner.accountId}, ${amountMicros}, ${status}, ${intent?.id ?? null}, ${charge?.id ?? null},
        ${charge?.receipt_url ?? null}, ${posted?.id ?? null}, ${intent?.last_payment_error?.message ?? null})
      on conflict (checkout_session_id) do update set
        status = excluded.status,
        payment_intent_id = coalesce(excluded.payment_intent_id, top_ups.payment_intent_id),
        charge_id = coalesce(excluded.charge_id, top_ups.charge_id),
        receipt_url = coalesce(excluded.receipt_url, top_ups.receipt_url),
        transfer_id = coalesce(excluded.transfer_id, top_ups.transfer_id),
        failure_reason = excluded.failure_reason,
        updated_at = now()
      where top_ups.status <> 'paid'`);
    if (status === "paid" && invoice) {
      await recordInvoice(
        tx,
        invoice,
        { source: "checkout", checkoutSessionId: session.id, accountId: owner.accountId },
        { paymentIntentId: intent?.id ?? null, chargeId: charge?.id ?? null },
      );
    }
    balance ??= BigInt(
      (await tx.execute<{ balance: string }>(sql`select balance_micros::text as balance from ledger_accounts where id = ${owner.ledgerAccountId}`))
        .rows[0]!.balance,
    );
    crashPoint("fulfill-checkout:before-commit");
    return { balanceMicros: balance, transfer: posted };
  });
  crashPoint("fulfill-checkout:after-commit");

  const isNewCredit = transfer !== undefined && !transfer.isReplay;
  if (isNewCredit) {
    const metrics = getPaymentMetrics();
    metrics.topUps.inc({ outcome: "credited" });
    metrics.topUpMicros.inc(Number(amountMicros));
    getLogger().info({ session: session.id, account: owner.accountId, micros: amountMicros.toString() }, "top-up credited");
    await sendPaymentNoticesNow(db, owner.accountId);
    if (session.metadata?.save_card === "1") {
      await adoptCardFromTopUp(db, {
        accountId: owner.accountId,
        customerId: idOf(session.customer),
        paymentMethodId: idOf(intent?.payment_method ?? null),
        resume: session.metadata.purpose === "auto_recharge_recovery",
      });
    }
  }
  return { sessionId: session.id, accountId: owner.accountId, status, amountMicros, balanceMicros, isNewCredit };
}
