import "server-only";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import type { Transaction } from "@/lib/db/client";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { PostedTransfer } from "@/lib/ledger/types";
import type { BillingOwner } from "./get-billing-account-for-user";
import { recordPaymentNotice } from "./payment-notices";

export type CardPaymentCredit = {
  owner: BillingOwner;
  /** The ledger's exactly-once key: the Checkout session or the PaymentIntent the money came from. */
  idempotencyKey: string;
  amountMicros: bigint;
  reason: string;
  metadata: Record<string, string>;
  /** Recorded with a standing change the credit causes. */
  cause: string;
  receiptUrl: string | null;
};

/**
 * Credits money Stripe took by card, a Checkout top-up or an auto-recharge alike: one `top_up` transfer
 * from Stripe cash to the owner and, the first time only, the receipt owed for it, in the caller's
 * transaction. `balanceMicros` is undefined when the transfer was a replay.
 */
export async function creditCardPayment(
  tx: Transaction,
  credit: CardPaymentCredit,
): Promise<{ transfer: PostedTransfer; balanceMicros: bigint | undefined }> {
  const { owner, amountMicros } = credit;
  const system = await getSystemAccounts(tx);
  const result = await postCustomerTransfers(
    tx,
    [
      {
        idempotencyKey: credit.idempotencyKey,
        kind: "top_up",
        fromAccountId: system.stripe_cash,
        toAccountId: owner.ledgerAccountId,
        amountMicros,
        reason: credit.reason,
        metadata: credit.metadata,
      },
    ],
    credit.cause,
  );
  const transfer = result.transfers[0]!;
  const balanceMicros = result.balances.get(owner.ledgerAccountId);
  if (!transfer.isReplay && balanceMicros !== undefined) {
    await recordPaymentNotice(tx, {
      accountId: owner.accountId,
      transferId: transfer.id,
      kind: "receipt",
      amountMicros,
      balanceMicros,
      receiptUrl: credit.receiptUrl,
      // An off-session auto-recharge is credited under its PaymentIntent; a Checkout top-up under its session.
      isAutoRecharge: credit.idempotencyKey.startsWith("payment_intent:"),
    });
  }
  return { transfer, balanceMicros };
}
