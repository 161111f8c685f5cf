import "server-only";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getStripe } from "@/lib/stripe/get-stripe";
import { ensureTopUpForCharge } from "./ensure-top-up-for-charge";
import { getPaymentMetrics } from "./payment-metrics";
import { recordPaymentNotice, sendPaymentNoticesNow } from "./payment-notices";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export type ReversalResult = { accountId: string | null; posted: number };

/**
 * Reverses the credit of every succeeded refund on a charge: customer → stripe_cash, kind `refund`,
 * one transfer per refund keyed `refund:<refund id>`, so a partial refund and a later one each post
 * once, and redeliveries replay. The charge and its refunds are re-read from Stripe.
 */
export async function applyChargeRefunds(db: Database, chargeId: string): Promise<ReversalResult> {
  const stripe = getStripe();
  const charge = await callStripe("reading the refunded charge", () => stripe.charges.retrieve(chargeId));
  const topUp = await ensureTopUpForCharge(db, charge);
  if (!topUp) return { accountId: null, posted: 0 };
  const refunds = await callStripe("reading the charge's refunds", () => stripe.refunds.list({ charge: charge.id, limit: 100 }));
  const succeeded = refunds.data.filter((refund) => refund.status === "succeeded" && refund.amount > 0);
  if (succeeded.length === 0) return { accountId: topUp.owner.accountId, posted: 0 };

  const { owner } = topUp;
  const result = await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const posted = await postCustomerTransfers(
      tx,
      succeeded.map((refund) => ({
        idempotencyKey: `refund:${refund.id}`,
        kind: "refund" as const,
        fromAccountId: owner.ledgerAccountId,
        toAccountId: system.stripe_cash,
        amountMicros: centsToMicros(refund.amount),
        reason: `Card refund${refund.reason ? ` (${refund.reason})` : ""} of top-up ${topUp.sessionId}`,
        reversesTransferId: topUp.creditTransferId,
        metadata: { refund_id: refund.id, charge_id: charge.id, checkout_session_id: topUp.sessionId },
      })),
      `refund of ${charge.id}`,
    );
    const balanceMicros = posted.balances.get(owner.ledgerAccountId) ?? 0n;
    for (const transfer of posted.transfers.filter((entry) => !entry.isReplay)) {
      await recordPaymentNotice(tx, { accountId: owner.accountId, transferId: transfer.id, kind: "refund", amountMicros: transfer.amountMicros, balanceMicros });
    }
    return posted;
  });
  const fresh = result.transfers.filter((transfer) => !transfer.isReplay);
  if (fresh.length > 0) {
    getPaymentMetrics().reversals.inc({ kind: "refund" }, fresh.length);
    await sendPaymentNoticesNow(db, owner.accountId);
  }
  return { accountId: owner.accountId, posted: fresh.length };
}
