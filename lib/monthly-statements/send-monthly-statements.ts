import "server-only";
import { sql } from "drizzle-orm";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { monthLabel, monthPeriod, previousMonth, type StatementMonth } from "./statement-month";

/** Accounts read per page: one page of ids at a time, one short transaction per account. */
export const STATEMENT_ACCOUNT_BATCH = 200;
/** Emails sent per call of the outbox (each draws a PDF inside the sender's transaction). */
const SEND_CHUNK = 25;

export type SendMonthlyStatementsOptions = {
  /** The month to send; last month (UTC) by default, which is what the job on the 1st sends. */
  month?: StatementMonth;
  now?: Date;
  batchSize?: number;
  /** Only these accounts (tests share one database with other files' accounts); all by default. */
  accountIds?: string[];
};

export type MonthlyStatementRun = { month: StatementMonth; accounts: number; emailIds: bigint[]; sent: number };

/**
 * Accounts owed a statement for the month: every billing account with a ledger that existed before
 * the month ended (or has usage in it, reported late) and was not closed before it began. Keyset pages on the primary key, so a run over
 * any number of accounts reads a bounded page at a time.
 */
async function nextAccounts(
  db: Database,
  after: string,
  month: StatementMonth,
  limit: number,
  only?: string[],
): Promise<string[]> {
  const { from, to } = monthPeriod(month);
  const rows = await db.execute<{ id: string }>(sql`
    select a.id from billing_accounts a
    where a.id > ${after}
      and (${only === undefined} or a.id in (select jsonb_array_elements_text(${JSON.stringify(only ?? [])}::jsonb)))
      and (a.created_at < ${to.toISOString()}::timestamptz
        or exists (select 1 from usage_account_hours h where h.account_id = a.id and h.hour >= ${from.toISOString()}::timestamptz and h.hour < ${to.toISOString()}::timestamptz))
      and exists (select 1 from ledger_accounts l where l.billing_account_id = a.id)
      and not exists (select 1 from account_closures c where c.account_id = a.id and c.closed_at < ${from.toISOString()}::timestamptz)
    order by a.id
    limit ${limit}`);
  return rows.rows.map((row) => row.id);
}

/**
 * Records one account's statement emails: to the owner if their switch is on (alert_preferences,
 * on when never set) and to each confirmed contact that opted in (billing_contacts.monthly_statement),
 * keyed `statement:<account>:<month>` (the owner) and `…:<recipient key>` (a contact), so a rerun or a
 * racing worker records nothing more. The data names the account and month; the PDF is drawn at send.
 */
async function recordStatementEmails(db: Database, accountId: string, month: StatementMonth): Promise<bigint[]> {
  return runTransaction(db, async (tx) => {
    const choices = await tx.execute<{ owner_wants: boolean; contact_ids: string[] }>(sql`
      select coalesce((select p.monthly_statement from alert_preferences p where p.account_id = ${accountId}), true) as owner_wants,
        array(select c.id::text from billing_contacts c where c.account_id = ${accountId} and c.monthly_statement) as contact_ids`);
    const { owner_wants: ownerWants, contact_ids: contactIds } = choices.rows[0]!;
    const wanted = new Set([...(ownerWants ? ["owner"] : []), ...contactIds.map((id) => `contact:${id}`)]);
    const key = `statement:${accountId}:${month}`;
    const ids: bigint[] = [];
    for (const recipient of await listRecipients(tx, accountId)) {
      if (!wanted.has(recipient.key)) continue;
      const data = {
        accountId,
        month,
        monthLabel: monthLabel(month),
        ...(recipient.unsubscribeUrl ? { unsubscribeUrl: recipient.unsubscribeUrl } : {}),
      };
      const recipientKey = recipient.key === "owner" ? key : `${key}:${recipient.key}`;
      ids.push(
        await enqueueEmail(tx, {
          to: recipient.address,
          template: "monthly-statement",
          data,
          key: recipientKey,
          accountId,
        }),
      );
    }
    return ids;
  });
}

/**
 * The job on the 1st: every account's statement for last month, emailed with its PDF to whoever asked
 * for it, exactly once per recipient and month however often it runs. Pages through the accounts and
 * sends each page's emails before reading the next; what a failed send leaves, the email sweep sends.
 */
export async function sendMonthlyStatements(
  db: Database,
  options: SendMonthlyStatementsOptions = {},
): Promise<MonthlyStatementRun> {
  const month = options.month ?? previousMonth(options.now ?? new Date());
  const batchSize = options.batchSize ?? STATEMENT_ACCOUNT_BATCH;
  const run: MonthlyStatementRun = { month, accounts: 0, emailIds: [], sent: 0 };
  for (let after = ""; ;) {
    const ids = await nextAccounts(db, after, month, batchSize, options.accountIds);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    run.accounts += ids.length;
    const emailIds: bigint[] = [];
    for (const accountId of ids) emailIds.push(...(await recordStatementEmails(db, accountId, month)));
    for (let start = 0; start < emailIds.length; start += SEND_CHUNK) {
      const chunk = emailIds.slice(start, start + SEND_CHUNK);
      run.sent += await sendOutboxEmails(db, { ids: chunk, templates: ["monthly-statement"], limit: SEND_CHUNK });
    }
    run.emailIds.push(...emailIds);
    if (ids.length < batchSize) break;
  }
  return run;
}
