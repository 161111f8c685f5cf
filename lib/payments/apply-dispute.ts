import "server-only";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import type { TransferInput } from "@/lib/ledger/types";
import { findInvoiceForPayment } from "@/lib/invoices/find-invoice-for-payment";
import { netShareMicros } from "@/lib/invoices/net-share";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getStripe } from "@/lib/stripe/get-stripe";
import type { ReversalResult } from "./apply-charge-refunds";
import { ensureTopUpForCharge, idOf } from "./ensure-top-up-for-charge";
import { getPaymentMetrics } from "./payment-metrics";
import { recordPaymentNotice, sendPaymentNoticesNow } from "./payment-notices";
import { findPostedByKey } from "./posted-by-key";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

/**
 * Brings the ledger in line with a dispute as Stripe has it now (re-read, so `created` and `closed`
 * may arrive in any order): the disputed amount moves customer → disputes (`dispute:<id>`) as soon as
 * the dispute exists; a won dispute moves it back (`dispute_won:<id>`); a lost one leaves it out. When
 * the credit has an invoice with tax, only the disputed amount's net share was credit, so only that
 * moves (lib/invoices/net-share.ts). The invoice's row on the billing page reads the dispute from these
 * transfers and the stored dispute events (lib/account/list-invoices.ts).
 */
export async function applyDispute(db: Database, disputeId: string): Promise<ReversalResult> {
  const stripe = getStripe();
  const dispute = await callStripe("reading the dispute", () => stripe.disputes.retrieve(disputeId));
  const chargeId = idOf(dispute.charge);
  if (!chargeId) return { accountId: null, posted: 0 };
  const charge = await callStripe("reading the disputed charge", () => stripe.charges.retrieve(chargeId));
  const topUp = await ensureTopUpForCharge(db, charge);
  if (!topUp) return { accountId: null, posted: 0 };

  const { owner } = topUp;
  const invoice = await findInvoiceForPayment(db, { accountId: owner.accountId, checkoutSessionId: topUp.sessionId, paymentIntentId: idOf(charge.payment_intent), chargeId });
  const amountMicros = invoice ? netShareMicros(BigInt(dispute.amount), invoice) : centsToMicros(dispute.amount);
  const metadata = {
    dispute_id: dispute.id,
    charge_id: chargeId,
    checkout_session_id: topUp.sessionId,
    ...(invoice ? { invoice_id: invoice.id } : {}),
  };
  const fresh = await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const heldKey = `dispute:${dispute.id}`;
    const wonKey = `dispute_won:${dispute.id}`;
    const done = await findPostedByKey(tx, [heldKey, wonKey]);
    // What the dispute held is what a won dispute gives back, whatever the invoice says now.
    const heldMicros = done.get(heldKey) ?? amountMicros;
    const transfers: TransferInput[] = [
      {
        idempotencyKey: heldKey,
        kind: "dispute",
        fromAccountId: owner.ledgerAccountId,
        toAccountId: system.disputes,
        amountMicros: heldMicros,
        reason: `Card dispute (${dispute.reason}) on top-up ${topUp.sessionId}`,
        reversesTransferId: topUp.creditTransferId,
        metadata,
      },
    ];
    if (dispute.status === "won") {
      transfers.push({
        idempotencyKey: wonKey,
        kind: "dispute_won",
        fromAccountId: system.disputes,
        toAccountId: owner.ledgerAccountId,
        amountMicros: heldMicros,
        reason: `Dispute won: credit restored for top-up ${topUp.sessionId}`,
        metadata,
      });
    }
    const pending = transfers.filter((transfer) => !done.has(transfer.idempotencyKey));
    if (pending.length === 0) return [];
    const posted = await postCustomerTransfers(tx, pending, `dispute ${dispute.id}`);
    const balanceMicros = posted.balances.get(owner.ledgerAccountId) ?? 0n;
    const newTransfers = posted.transfers.filter((entry) => !entry.isReplay);
    for (const transfer of newTransfers) {
      const kind = transfer.kind === "dispute_won" ? "dispute_won" : "dispute_opened";
      await recordPaymentNotice(tx, { accountId: owner.accountId, transferId: transfer.id, kind, amountMicros: heldMicros, balanceMicros });
    }
    return newTransfers;
  });
  for (const transfer of fresh) getPaymentMetrics().reversals.inc({ kind: transfer.kind });
  if (fresh.length > 0) await sendPaymentNoticesNow(db, owner.accountId);
  return { accountId: owner.accountId, posted: fresh.length };
}
