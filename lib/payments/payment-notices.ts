import "server-only";
import { sql } from "drizzle-orm";
import { formatMicros } from "@/lib/billing/rate-units";
import type { Database, Transaction } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";

export type PaymentNotice =
  | { kind: "receipt"; amountMicros: bigint; balanceMicros: bigint; receiptUrl: string | null }
  | { kind: "refund"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_opened"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_won"; amountMicros: bigint; balanceMicros: bigint };

function compose(notice: PaymentNotice): { subject: string; lines: string[] } {
  const amount = formatMicros(notice.amountMicros);
  const balance = `Your balance is now ${formatMicros(notice.balanceMicros)}.`;
  switch (notice.kind) {
    case "receipt":
      return {
        subject: `Receipt: ${amount} added to your Tandem balance`,
        lines: [
          `Thank you: ${amount} of prepaid credit was added to your account.`,
          balance,
          ...(notice.receiptUrl ? [`Card receipt: ${notice.receiptUrl}`] : []),
        ],
      };
    case "refund":
      return { subject: `Refund: ${amount} returned to your card`, lines: [`${amount} was refunded to your card and taken off your prepaid credit.`, balance] };
    case "dispute_opened":
      return {
        subject: `A ${amount} payment to Tandem is disputed`,
        lines: [`Your bank disputed a ${amount} top-up, so that credit is on hold while the dispute is open.`, balance],
      };
    case "dispute_won":
      return { subject: `Dispute closed: ${amount} credit restored`, lines: [`The dispute over a ${amount} top-up was closed in our favour, so the credit is back.`, balance] };
  }
}

/** The templates of payment notices' emails, one per kind. */
export const paymentNoticeTemplates = ["payment-receipt", "payment-refund", "payment-dispute-opened", "payment-dispute-won"] as const;
const templateOf: Record<PaymentNotice["kind"], (typeof paymentNoticeTemplates)[number]> = {
  receipt: "payment-receipt",
  refund: "payment-refund",
  dispute_opened: "payment-dispute-opened",
  dispute_won: "payment-dispute-won",
};

/**
 * The notice owed for a transfer just posted, and its email, recorded in the posting's own transaction
 * (one per transfer: the email's key is the transfer, so a retried handler or a duplicate webhook that
 * reaches here records nothing more). An owner with no address left (a closed account) gets no email.
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
  const to = recorded.rows[0]?.email;
  if (!to) return;
  const { subject, lines } = compose(notice);
  await enqueueEmail(tx, {
    key: `payment-notice:${notice.transferId}`,
    accountId: notice.accountId,
    to,
    subject,
    text: [...lines, "", `Billing: ${getEnv().appUrl}/account/billing`].join("\n"),
    template: templateOf[notice.kind],
  });
}

export type SendPaymentNoticesOptions = { accountIds?: string[]; limit?: number };

/**
 * Emails the payment notices still owed (the outbox's, lib/email/send-outbox-emails.ts): right after a
 * posting commits (scoped to its account) and from the email sweep for any a crash or an SMTP outage
 * left behind. Returns how many emails went out.
 */
export async function sendPaymentNotices(db: Database, options: SendPaymentNoticesOptions = {}): Promise<number> {
  return sendOutboxEmails(db, { ...options, templates: paymentNoticeTemplates });
}

/** Sends right after a posting, without failing the caller: whatever is left, the sweep sends. */
export async function sendPaymentNoticesNow(db: Database, accountId: string): Promise<void> {
  try {
    await sendPaymentNotices(db, { accountIds: [accountId] });
  } catch (error) {
    getLogger().error({ err: error, account: accountId }, "payment notices could not be sent now; the sweep will retry");
  }
}
