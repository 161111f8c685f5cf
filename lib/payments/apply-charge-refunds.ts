import "server-only";
import { inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database, Queryable } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { creditNotes } from "@/lib/db/schema";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { findInvoiceForPayment } from "@/lib/invoices/find-invoice-for-payment";
import { allocateRefundShares } from "@/lib/invoices/net-share";
import { recordCreditNote } from "@/lib/invoices/record-credit-note";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getStripe } from "@/lib/stripe/get-stripe";
import { ensureTopUpForCharge, idOf } from "./ensure-top-up-for-charge";
import { issueCreditNote } from "./issue-credit-note";
import { getPaymentMetrics } from "./payment-metrics";
import { recordPaymentNotice, sendPaymentNoticesNow } from "./payment-notices";
import { findPostedByKey } from "./posted-by-key";
import { callStripe } from "./stripe-error";

/** `notes`: credit notes recorded by this call (a refund's reversal and its note may land in different calls). */
export type ReversalResult = { accountId: string | null; posted: number; notes?: number };

const keyOf = (refund: Stripe.Refund) => `refund:${refund.id}`;

/** The refunds that have no credit note recorded yet. */
async function refundsWithoutNote(db: Queryable, refunds: Stripe.Refund[]): Promise<Stripe.Refund[]> {
  const rows = await db.select({ refundId: creditNotes.refundId }).from(creditNotes).where(inArray(creditNotes.refundId, refunds.map((refund) => refund.id)));
  const noted = new Set(rows.map((row) => row.refundId));
  return refunds.filter((refund) => !noted.has(refund.id));
}

/**
 * Reverses the credit of every succeeded refund on a charge: customer → stripe_cash, kind `refund`,
 * one transfer per refund keyed `refund:<refund id>`, so a partial refund and a later one each post
 * once, and a redelivery posts nothing more. The charge and its refunds are re-read from Stripe. When the credit has
 * an invoice, each refund reverses only its net share (tax was never credit: lib/invoices/net-share.ts)
 * and gets a Stripe credit note for exactly the refunded amount, issued before the transaction (found
 * again, never made twice, on any replay: issueCreditNote) and recorded in it. A credit without an
 * invoice (bought before invoices existed) reverses the refunded amount, without a note.
 */
export async function applyChargeRefunds(db: Database, chargeId: string): Promise<ReversalResult> {
  const stripe = getStripe();
  const charge = await callStripe("reading the refunded charge", () => stripe.charges.retrieve(chargeId));
  const topUp = await ensureTopUpForCharge(db, charge);
  if (!topUp) return { accountId: null, posted: 0 };
  const refunds = await callStripe("reading the charge's refunds", () => stripe.refunds.list({ charge: charge.id, limit: 100 }));
  // Oldest first: each new refund's net share is what the running total adds (allocateRefundShares).
  const succeeded = refunds.data
    .filter((refund) => refund.status === "succeeded" && refund.amount > 0)
    .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  if (succeeded.length === 0) return { accountId: topUp.owner.accountId, posted: 0 };

  const { owner } = topUp;
  const invoice = await findInvoiceForPayment(db, { accountId: owner.accountId, checkoutSessionId: topUp.sessionId, paymentIntentId: idOf(charge.payment_intent), chargeId: charge.id });
  const notes = new Map<string, Stripe.CreditNote>();
  if (invoice) {
    for (const refund of await refundsWithoutNote(db, succeeded)) notes.set(refund.id, await issueCreditNote(invoice.id, refund));
  }
  const fresh = await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    // The posting takes this lock anyway; taken first, two deliveries about one charge see each other's
    // refunds as posted, so a share is never worked out twice from different starting points.
    await tx.execute(sql`select 1 from ledger_accounts where id = ${owner.ledgerAccountId} for update`);
    const done = await findPostedByKey(tx, succeeded.map(keyOf));
    // Without an invoice (net = total) every share is the refunded amount itself.
    const shares = allocateRefundShares(
      succeeded.map((refund) => ({ refundId: refund.id, cents: BigInt(refund.amount), postedMicros: done.get(keyOf(refund)) })),
      invoice ?? { subtotalCents: 1n, totalCents: 1n },
    );
    const pending = succeeded.filter((refund) => !done.has(keyOf(refund)));
    const posted =
      pending.length === 0
        ? undefined
        : await postCustomerTransfers(
            tx,
            pending.map((refund) => ({
              idempotencyKey: keyOf(refund),
              kind: "refund" as const,
              fromAccountId: owner.ledgerAccountId,
              toAccountId: system.stripe_cash,
              amountMicros: shares.get(refund.id)!,
              reason: `Card refund${refund.reason ? ` (${refund.reason})` : ""} of top-up ${topUp.sessionId}`,
              reversesTransferId: topUp.creditTransferId,
              metadata: {
                refund_id: refund.id,
                charge_id: charge.id,
                checkout_session_id: topUp.sessionId,
                ...(invoice ? { invoice_id: invoice.id } : {}),
              },
            })),
            `refund of ${charge.id}`,
          );
    if (invoice) {
      for (const [refundId, note] of notes) await recordCreditNote(tx, note, { accountId: owner.accountId, invoiceId: invoice.id, refundId });
    }
    if (!posted) return [];
    const balanceMicros = posted.balances.get(owner.ledgerAccountId) ?? 0n;
    const fresh = posted.transfers.filter((entry) => !entry.isReplay);
    for (const transfer of fresh) {
      await recordPaymentNotice(tx, { accountId: owner.accountId, transferId: transfer.id, kind: "refund", amountMicros: transfer.amountMicros, balanceMicros });
    }
    return fresh;
  });
  if (fresh.length > 0) {
    getPaymentMetrics().reversals.inc({ kind: "refund" }, fresh.length);
    await sendPaymentNoticesNow(db, owner.accountId);
  }
  return { accountId: owner.accountId, posted: fresh.length, notes: notes.size };
}
