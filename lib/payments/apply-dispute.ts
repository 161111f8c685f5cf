import "server-only";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import type { TransferInput } from "@/lib/ledger/types";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getStripe } from "@/lib/stripe/get-stripe";
import type { ReversalResult } from "./apply-charge-refunds";
import { ensureTopUpForCharge, idOf } from "./ensure-top-up-for-charge";
import { getPaymentMetrics } from "./payment-metrics";
import { recordPaymentNotice, sendPaymentNoticesNow } from "./payment-notices";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

/**
 * Brings the ledger in line with a dispute as Stripe has it now (re-read, so `created` and `closed`
 * may arrive in any order): the disputed amount moves customer → disputes (`dispute:<id>`) as soon as
 * the dispute exists; a won dispute moves it back (`dispute_won:<id>`); a lost one leaves it out.
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
  const amountMicros = centsToMicros(dispute.amount);
  const metadata = { dispute_id: dispute.id, charge_id: chargeId, checkout_session_id: topUp.sessionId };
  const result = await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const transfers: TransferInput[] = [
      {
        idempotencyKey: `dispute:${dispute.id}`,
        kind: "dispute",
        fromAccountId: owner.ledgerAccountId,
        toAccountId: system.disputes,
        amountMicros,
        reason: `Card dispute (${dispute.reason}) on top-up ${topUp.sessionId}`,
        reversesTransferId: topUp.creditTransferId,
        metadata,
      },
    ];
    if (dispute.status === "won") {
      transfers.push({
        idempotencyKey: `dispute_won:${dispute.id}`,
        kind: "dispute_won",
        fromAccountId: system.disputes,
        toAccountId: owner.ledgerAccountId,
        amountMicros,
        reason: `Dispute won: credit restored for top-up ${topUp.sessionId}`,
        metadata,
      });
    }
    const posted = await postCustomerTransfers(tx, transfers, `dispute ${dispute.id}`);
    const balanceMicros = posted.balances.get(owner.ledgerAccountId) ?? 0n;
    for (const transfer of posted.transfers.filter((entry) => !entry.isReplay)) {
      const kind = transfer.kind === "dispute_won" ? "dispute_won" : "dispute_opened";
      await recordPaymentNotice(tx, { accountId: owner.accountId, transferId: transfer.id, kind, amountMicros, balanceMicros });
    }
    return posted;
  });
  const fresh = result.transfers.filter((transfer) => !transfer.isReplay);
  for (const transfer of fresh) getPaymentMetrics().reversals.inc({ kind: transfer.kind });
  if (fresh.length > 0) await sendPaymentNoticesNow(db, owner.accountId);
  return { accountId: owner.accountId, posted: fresh.length };
}
