import "server-only";
import { sql } from "drizzle-orm";
import { readStatementLines } from "@/lib/account/get-statement-lines";
import type { StatementLine } from "@/lib/account/statement-lines";
import type { BillingAccountRecord } from "@/lib/billing/find-billing-account";
import type { Database, Queryable } from "@/lib/db/client";
import { monthOf, monthPeriod, type StatementMonth } from "./statement-month";
import { summarizeStatementMonth, type MonthFigures } from "./summarize-statement-month";

/** A card credit's invoice (lib/invoices), by the statement entry it credited. */
export type CreditInvoice = { number: string | null; isAutoRecharge: boolean };

export type MonthlyStatement = {
  accountId: string;
  ownerEmail: string | null;
  month: StatementMonth;
  /** The month is still running at `asOf`: its statement is "so far". */
  isPartial: boolean;
  asOf: Date;
  figures: MonthFigures;
  invoices: Map<bigint, CreditInvoice>;
};

/** The statement page's pages a month can take: 31 days at 7 a page, plus the page that reaches back before it. */
const MAX_PAGES = 8;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

function lineDay(line: StatementLine): string {
  return line.type === "usage" ? line.day : dayOf(line.movement.at);
}

/**
 * The month's lines as the statement page shows them: its pages (readStatementLines, the page's own
 * read) from the one ending before the next month back to the one that reaches the month's first day.
 * A line belongs to one UTC day, so the month's lines are exactly those of its days; the balance after
 * the newest line before the month closes a month without lines.
 */
async function readMonthLines(tx: Queryable, account: MonthlyStatementAccount, month: StatementMonth) {
  const { from, to } = monthPeriod(month);
  const first = dayOf(from);
  const lines: StatementLine[] = [];
  let closingBefore: bigint | null = null;
  let before: string | undefined = dayOf(to);
  for (let page = 0; before !== undefined && page < MAX_PAGES; page++) {
    const read = await readStatementLines(tx, account, { filter: "all", before });
    for (const line of read.lines) {
      if (lineDay(line) >= first) lines.push(line);
      else closingBefore ??= line.balanceAfterMicros;
    }
    if (closingBefore !== null || !read.days || read.days.first <= first) break;
    before = read.nextCursor ?? undefined;
  }
  return { lines, closingBefore: closingBefore ?? 0n };
}

/** Each card credit's invoice number among `entryIds` (Checkout top-ups and auto-recharges), scoped to the account. */
async function readCreditInvoices(
  tx: Queryable,
  accountId: string,
  entryIds: bigint[],
): Promise<Map<bigint, CreditInvoice>> {
  if (entryIds.length === 0) return new Map();
  const ids = `{${entryIds.map(String).join(",")}}`;
  const rows = await tx.execute<{ entry_id: string; number: string | null; is_auto_recharge: boolean }>(sql`
    select e.id::text as entry_id, coalesce(ci.number, ri.number) as number, r.id is not null as is_auto_recharge
    from entries e
    left join top_ups t on t.transfer_id = e.transfer_id and t.billing_account_id = ${accountId}
    left join invoices ci on ci.checkout_session_id = t.checkout_session_id and ci.billing_account_id = ${accountId}
    left join auto_recharges r on r.transfer_id = e.transfer_id and r.billing_account_id = ${accountId}
    left join invoices ri on ri.auto_recharge_id = r.id and ri.billing_account_id = ${accountId}
    where e.id = any(${ids}::bigint[]) and (t.checkout_session_id is not null or r.id is not null)`);
  return new Map(
    rows.rows.map((row) => [BigInt(row.entry_id), { number: row.number, isAutoRecharge: row.is_auto_recharge }]),
  );
}

export type MonthlyStatementAccount = Pick<BillingAccountRecord, "accountId" | "ledgerAccountId" | "ownerEmail">;

/**
 * One account's statement for one UTC month: the statement page's lines of the month, summed
 * (summarizeStatementMonth), with each card credit's invoice number. Read in one repeatable-read
 * snapshot, so the pages it takes agree with each other even while usage arrives. The caller has
 * authorized the account (the session's own, or the job's own list); never pass an id from a request.
 */
export async function readMonthlyStatement(
  db: Database,
  account: MonthlyStatementAccount,
  month: StatementMonth,
  now: Date = new Date(),
): Promise<MonthlyStatement> {
  return db.transaction(
    async (tx) => {
      const { lines, closingBefore } = await readMonthLines(tx, account, month);
      const figures = summarizeStatementMonth(lines, closingBefore);
      const creditIds = figures.credits.filter((credit) => credit.kind === "top_up").map((credit) => credit.entryId);
      return {
        accountId: account.accountId,
        ownerEmail: account.ownerEmail,
        month,
        isPartial: month >= monthOf(now),
        asOf: now,
        figures,
        invoices: await readCreditInvoices(tx, account.accountId, creditIds),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
