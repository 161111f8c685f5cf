import "server-only";
import { sql } from "drizzle-orm";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import { unfreezeAmountMicros } from "@/lib/billing/unfreeze-amount";
import type { Database, Transaction } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import type { StandingState } from "@/lib/ledger/standing";
import { getLogger } from "@/lib/observability/logger";

export type PaymentNotice =
  | { kind: "receipt"; amountMicros: bigint; balanceMicros: bigint; receiptUrl: string | null; isAutoRecharge?: boolean }
  | { kind: "refund"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_opened"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_won"; amountMicros: bigint; balanceMicros: bigint };

/** The templates of payment notices' emails, one per kind. */
export const paymentNoticeTemplates = ["payment-receipt", "payment-refund", "payment-dispute-opened", "payment-dispute-won"] as const;
const templateOf: Record<PaymentNotice["kind"], (typeof paymentNoticeTemplates)[number]> = {
  receipt: "payment-receipt",
  refund: "payment-refund",
  dispute_opened: "payment-dispute-opened",
  dispute_won: "payment-dispute-won",
};

type Standing = { from: StandingState; to: StandingState; unfreezeMicros?: string };

/**
 * What the transfer did to the account's standing, for its notice: the change the posting recorded
 * (standing_changes.cause_transfer_id, written by applyStanding in this transaction), whose own email is
 * taken back out of the outbox, so one money event is one email; else, when the account is still not
 * active, the state it is in (an auto-recharge that did not lift a low balance says so).
 */
async function absorbStandingChange(tx: Transaction, notice: { accountId: string; transferId: bigint; balanceMicros: bigint }): Promise<Standing | undefined> {
  const { accountId, transferId } = notice;
  const found = await tx.execute<{ id: string | null; from_state: StandingState | null; state: StandingState; floor: string }>(sql`
    select c.id::text, c.from_state, a.state, a.floor_micros::text as floor
    from billing_accounts a
    left join lateral (
      select id, from_state from standing_changes
      where account_id = a.id and cause_transfer_id = ${transferId} order by id desc limit 1
    ) c on true
    where a.id = ${accountId}`);
  const row = found.rows[0];
  if (!row || (row.id === null && row.state === "active")) return undefined;
  if (row.id !== null) {
    await tx.execute(sql`delete from email_outbox where idempotency_key = ${`standing-change:${row.id}`} and sent_at is null`);
  }
  const standing: Standing = { from: row.from_state ?? row.state, to: row.state };
  if (row.state === "frozen") standing.unfreezeMicros = unfreezeAmountMicros(notice.balanceMicros, BigInt(row.floor)).toString();
  return standing;
}

/**
 * The notice owed for a transfer just posted, and its emails, recorded in the posting's own transaction
 * (one per transfer and recipient: the key is the transfer, so a retried handler or a duplicate webhook
 * that reaches here records nothing more). The email also says what the transfer did to the account's
 * standing, instead of a second email in the same second (absorbStandingChange). It goes to the owner
 * (key `payment-notice:<transfer>`) and to each confirmed billing contact (`…:contact:<id>`, with its
 * unsubscribe link), so the finance person gets the receipts. An owner with no address left (a closed
 * account) means no email to anyone.
 */
export async function recordPaymentNotice(tx: Transaction, notice: PaymentNotice & { accountId: string; transferId: bigint }): Promise<void> {
  const receiptUrl = notice.kind === "receipt" ? notice.receiptUrl : null;
  const recorded = await tx.execute<{ email: string | null }>(sql`
    with notice as (
      insert into payment_notices (account_id, transfer_id, kind, amount_micros, balance_micros, receipt_url)
      values (${notice.accountId}, ${notice.transferId}, ${notice.kind}, ${notice.amountMicros}, ${notice.balanceMicros}, ${receiptUrl})
      on conflict (transfer_id) do nothing
      returning account_id
    )
    select u.email from notice join billing_accounts a on a.id = notice.account_id join "user" u on u.id = a.owner_user_id`);
  if (!recorded.rows[0]?.email) return;
  const standing = await absorbStandingChange(tx, notice);
  const data = {
    amountMicros: notice.amountMicros.toString(),
    balanceMicros: notice.balanceMicros.toString(),
    ...(notice.kind === "receipt" ? { receiptUrl: notice.receiptUrl, isAutoRecharge: notice.isAutoRecharge ?? false } : {}),
    ...(standing ? { standing } : {}),
  };
  const key = `payment-notice:${notice.transferId}`;
  for (const recipient of await listRecipients(tx, notice.accountId)) {
    await enqueueEmail(tx, {
      key: recipient.key === "owner" ? key : `${key}:${recipient.key}`,
      accountId: notice.accountId,
      to: recipient.address,
      template: templateOf[notice.kind],
      data: recipient.unsubscribeUrl ? { ...data, unsubscribeUrl: recipient.unsubscribeUrl } : data,
    });
  }
}

export type SendPaymentNoticesOptions = { accountIds?: string[]; limit?: number };

/**
 * Emails the payment notices still owed (the outbox's, lib/email/send-outbox-emails.ts): right after a
 * posting commits (scoped to its account) and from the email sweep for any a crash or an SMTP outage
 * left behind. Returns how many emails went out.
 */
export async function sendPaymentNotices(db: Database, options: SendPaymentNoticesOptions = {}): Promise<number> {
  // The invoice email is owed by the same payment's transaction (lib/invoices/record-invoice.ts).
  return sendOutboxEmails(db, { ...options, templates: [...paymentNoticeTemplates, "invoice"] });
}

/** Sends right after a posting, without failing the caller: whatever is left, the sweep sends. */
export async function sendPaymentNoticesNow(db: Database, accountId: string): Promise<void> {
  try {
    await sendPaymentNotices(db, { accountIds: [accountId] });
  } catch (error) {
    getLogger().error({ err: error, account: accountId }, "payment notices could not be sent now; the sweep will retry");
  }
}
