import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getReceiptUrlsByTransferId } from "@/lib/payments/get-receipt-urls";
import { getOwnAccountOrThrow, type OwnAccount } from "./get-own-account";

// `usage_write_off`: usage rated past the account's floor and credited back, not charged (issue 17).
// `incident_credit`: usage billed during an incident the operators declared, given back (issue 18).
export type TransferKind =
  | "top_up"
  | "usage"
  | "usage_write_off"
  | "grant"
  | "refund"
  | "dispute"
  | "dispute_won"
  | "adjustment"
  | "reversal"
  | "incident_credit";

// The statement's type filter: what a person calls a movement, mapped to the ledger's transfer kinds.
export const STATEMENT_FILTERS = {
  all: { label: "All movements", kinds: null },
  top_up: { label: "Top-ups", kinds: ["top_up"] },
  usage: { label: "Usage", kinds: ["usage", "usage_write_off"] },
  grant: { label: "Grants", kinds: ["grant"] },
  refund: { label: "Refunds", kinds: ["refund"] },
  dispute: { label: "Disputes", kinds: ["dispute", "dispute_won"] },
  adjustment: { label: "Adjustments", kinds: ["adjustment", "reversal", "incident_credit"] },
} as const satisfies Record<string, { label: string; kinds: TransferKind[] | null }>;

export type StatementFilter = keyof typeof STATEMENT_FILTERS;

const MAX_ENTRY_ID = 9_223_372_036_854_775_807n; // Postgres bigint

/** Whether `value` is a statement cursor (an entry id): digits within bigint, which Postgres would refuse past it. */
export function isStatementCursor(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_ENTRY_ID;
}

export const STATEMENT_CURSOR_MESSAGE = "not a page of this statement";

export const statementQuerySchema = z.object({
  type: z.enum(Object.keys(STATEMENT_FILTERS) as [StatementFilter, ...StatementFilter[]], { error: "not a known movement type" }).default("all"),
  before: z.string().refine(isStatementCursor, STATEMENT_CURSOR_MESSAGE).optional(),
});

export type StatementRow = {
  entryId: bigint;
  at: Date;
  kind: TransferKind;
  description: string | null;
  /** Signed: credit added is positive, money spent or taken back negative. */
  amountMicros: bigint;
  balanceAfterMicros: bigint;
  receiptUrl: string | null;
};

export type StatementPage = { rows: StatementRow[]; nextCursor: string | null; balanceMicros: bigint };

export const STATEMENT_PAGE_SIZE = 50;

type Row = { id: string; transfer_id: string; created_at: Date; kind: TransferKind; reason: string | null; amount: string; balance_after: string };

/** The rows with each card credit's receipt (Checkout top-ups and auto-recharges alike). */
async function withReceipts(db: Queryable, accountId: string, rows: Row[]): Promise<StatementRow[]> {
  const credits = rows.filter((row) => row.kind === "top_up").map((row) => BigInt(row.transfer_id));
  const receipts = await getReceiptUrlsByTransferId(db, accountId, credits);
  return rows.map((row) => toRow(row, receipts.get(BigInt(row.transfer_id)) ?? null));
}

function toRow(row: Row, receiptUrl: string | null): StatementRow {
  return {
    entryId: BigInt(row.id),
    at: new Date(row.created_at),
    kind: row.kind,
    description: row.reason,
    amountMicros: BigInt(row.amount),
    balanceAfterMicros: BigInt(row.balance_after),
    receiptUrl,
  };
}

function kindsOf(filter: StatementFilter): string | null {
  const kinds = STATEMENT_FILTERS[filter].kinds;
  return kinds ? JSON.stringify(kinds) : null;
}

/**
 * One page of the session's own statement, newest first: every entry on its customer ledger account
 * with the balance right after it. The balance after an entry is the current balance less every newer
 * entry, read in one statement (one snapshot), so it adds up whatever the filter hides.
 */
export async function getStatementPage(
  db: Queryable,
  session: AppSession,
  options: { filter: StatementFilter; before?: string; limit?: number },
): Promise<StatementPage> {
  if (options.before !== undefined && !isStatementCursor(options.before)) {
    const fields = [{ path: "before", message: STATEMENT_CURSOR_MESSAGE }];
    throw new AppError("validation_failed", { message: `before: ${STATEMENT_CURSOR_MESSAGE}.`, details: { fields } });
  }
  const account = await getOwnAccountOrThrow(db, session);
  const limit = options.limit ?? STATEMENT_PAGE_SIZE;
  const kinds = kindsOf(options.filter);
  const ledger = account.ledgerAccountId.toString();
  // Raw SQL on a measured page: `npm run bench` (account, /account/statement p95 budget 150 ms).
  const rows = await db.execute<Row>(sql`
    with page as (
      select e.id, e.transfer_id, e.created_at, e.amount_micros, t.kind, t.reason
      from entries e join transfers t on t.id = e.transfer_id
      where e.ledger_account_id = ${ledger}::bigint
        and (${kinds}::jsonb is null or t.kind in (select jsonb_array_elements_text(${kinds}::jsonb)))
        and (${options.before ?? null}::bigint is null or e.id < ${options.before ?? null}::bigint)
      order by e.id desc limit ${limit + 1}
    ), newer as (
      select x.id, coalesce(sum(x.amount_micros) over (order by x.id desc rows between unbounded preceding and 1 preceding), 0) as newer_sum
      from entries x where x.ledger_account_id = ${ledger}::bigint and x.id >= (select min(id) from page)
    )
    select page.id::text, page.transfer_id::text, page.created_at, page.kind, page.reason, page.amount_micros::text as amount,
      ((select balance_micros from ledger_accounts where id = ${ledger}::bigint) - newer.newer_sum)::text as balance_after
    from page join newer on newer.id = page.id
    order by page.id desc`);
  const hasMore = rows.rows.length > limit;
  const pageRows = await withReceipts(db, account.accountId, rows.rows.slice(0, limit));
  return {
    rows: pageRows,
    nextCursor: hasMore ? pageRows.at(-1)!.entryId.toString() : null,
    balanceMicros: account.balanceMicros,
  };
}

/** Every movement matching the filter, oldest first, with the running balance (for the CSV export). */
export async function getStatementMovements(db: Queryable, session: AppSession, filter: StatementFilter): Promise<StatementRow[]> {
  return listStatementMovements(db, await getOwnAccountOrThrow(db, session), { filter });
}

export type StatementMovementsOptions = {
  filter: StatementFilter;
  /** Only movements at or after `from` and before `to` (the account API's `month`); the running balance still counts every older entry. */
  period?: { from: Date; to: Date };
  /** Only movements after this entry id, at most `limit` of them (the account API pages; the CSV takes all). */
  after?: bigint;
  limit?: number;
};

/**
 * The movements of one account, oldest first, with the balance after each. The account comes from the
 * session (getStatementMovements) or a verified API key, never from the request alone.
 */
export async function listStatementMovements(
  db: Queryable,
  account: Pick<OwnAccount, "accountId" | "ledgerAccountId">,
  { filter, period, after, limit }: StatementMovementsOptions,
): Promise<StatementRow[]> {
  const kinds = kindsOf(filter);
  const from = period?.from.toISOString() ?? null;
  const to = period?.to.toISOString() ?? null;
  // Raw SQL: the measured statement page's running-balance window query (`npm run bench`, account), unpaged.
  const rows = await db.execute<Row>(sql`
    select m.id::text, m.transfer_id::text, m.created_at, m.kind, m.reason, m.amount_micros::text as amount, m.balance_after::text
    from (
      select e.id, e.transfer_id, e.created_at, e.amount_micros, t.kind, t.reason,
        sum(e.amount_micros) over (order by e.id) as balance_after
      from entries e join transfers t on t.id = e.transfer_id
      where e.ledger_account_id = ${account.ledgerAccountId.toString()}::bigint
    ) m
    where (${kinds}::jsonb is null or m.kind in (select jsonb_array_elements_text(${kinds}::jsonb)))
      and (${from}::timestamptz is null or m.created_at >= ${from}::timestamptz)
      and (${to}::timestamptz is null or m.created_at < ${to}::timestamptz)
      and (${after?.toString() ?? null}::bigint is null or m.id > ${after?.toString() ?? null}::bigint)
    order by m.id ${limit === undefined ? sql`` : sql`limit ${limit}`}`);
  return withReceipts(db, account.accountId, rows.rows);
}
