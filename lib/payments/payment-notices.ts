import "server-only";
import { sql } from "drizzle-orm";
import { formatMicros } from "@/lib/billing/rate-units";
import type { Database, Transaction } from "@/lib/db/client";
import { emailIsDue, logEmailFailure } from "@/lib/email/email-retry";
import { sendEmail } from "@/lib/email/send-email";
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

/** The notice owed for a transfer just posted, recorded in the posting's own transaction (one per transfer). */
export async function recordPaymentNotice(tx: Transaction, notice: PaymentNotice & { accountId: string; transferId: bigint }): Promise<void> {
  const receiptUrl = notice.kind === "receipt" ? notice.receiptUrl : null;
  await tx.execute(sql`
    insert into payment_notices (account_id, transfer_id, kind, amount_micros, balance_micros, receipt_url)
    values (${notice.accountId}, ${notice.transferId}, ${notice.kind}, ${notice.amountMicros}, ${notice.balanceMicros}, ${receiptUrl})
    on conflict (transfer_id) do nothing`);
}

type SendOptions = { accountIds?: string[]; limit?: number };

/**
 * Emails the notices still owed: right after a posting commits (scoped to its account) and from the
 * background sweep (lib/jobs/start-jobs.ts) for any a crash or an SMTP outage left behind. Rows are
 * locked while they are sent (`skip locked`), so the sweep and a posting never send the same one twice;
 * a notice is marked sent only after the SMTP server accepted it. A failed send is logged, never thrown:
 * the money has already moved, and the notice is tried again later (lib/email/email-retry.ts). Returns
 * how many emails went out.
 */
export async function sendPaymentNotices(db: Database, options: SendOptions = {}): Promise<number> {
  const scope = options.accountIds ? JSON.stringify(options.accountIds) : null;
  let sent = 0;
  await db.transaction(async (tx) => {
    const due = await tx.execute<{ id: string; kind: PaymentNotice["kind"]; amount_micros: string; balance_micros: string; receipt_url: string | null; email: string | null; account_id: string; attempts: number }>(sql`
      select n.id::text, n.kind, n.amount_micros::text, n.balance_micros::text, n.receipt_url, u.email, n.account_id, n.attempts
      from payment_notices n
      join billing_accounts a on a.id = n.account_id
      join "user" u on u.id = a.owner_user_id
      where n.notified_at is null and ${emailIsDue(sql.raw("n.attempts"), sql.raw("n.last_attempt_at"))}
        and (${scope}::jsonb is null or n.account_id in (select jsonb_array_elements_text(${scope}::jsonb)))
      order by n.id limit ${options.limit ?? 50} for update of n skip locked`);
    for (const row of due.rows) {
      const notice = {
        kind: row.kind,
        amountMicros: BigInt(row.amount_micros),
        balanceMicros: BigInt(row.balance_micros),
        receiptUrl: row.receipt_url,
      } as PaymentNotice;
      try {
        // A closed account has no email left: nobody to tell, so the notice is settled unsent.
        if (row.email) await sendPaymentEmail(row.email, notice);
      } catch (error) {
        logEmailFailure("payment_notice", row.attempts, { account: row.account_id, kind: row.kind }, error);
        await tx.execute(sql`update payment_notices set attempts = attempts + 1, last_attempt_at = now() where id = ${row.id}::bigint`);
        continue;
      }
      await tx.execute(sql`update payment_notices set attempts = attempts + 1, last_attempt_at = now(), notified_at = now() where id = ${row.id}::bigint`);
      if (row.email) sent++;
    }
  });
  return sent;
}

/** Sends right after a posting, without failing the caller: whatever is left, the sweep sends. */
export async function sendPaymentNoticesNow(db: Database, accountId: string): Promise<void> {
  try {
    await sendPaymentNotices(db, { accountIds: [accountId] });
  } catch (error) {
    getLogger().error({ err: error, account: accountId }, "payment notices could not be sent now; the sweep will retry");
  }
}

async function sendPaymentEmail(to: string, notice: PaymentNotice): Promise<void> {
  const { subject, lines } = compose(notice);
  const text = [...lines, "", `Billing: ${getEnv().appUrl}/account/billing`].join("\n");
  await sendEmail({ to, subject, text, template: `payment-${notice.kind.replace("_", "-")}` });
}
