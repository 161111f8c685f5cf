import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppSession } from "@/lib/auth/app-session";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow } from "./get-own-account";

export type TransferKind = "top_up" | "usage" | "grant" | "refund" | "dispute" | "dispute_won" | "adjustment" | "reversal";

// The statement's type filter: what a person calls a movement, mapped to the ledger's transfer kinds.
export const STATEMENT_FILTERS = {
  all: { label: "All movements", kinds: null },
  top_up: { label: "Top-ups", kinds: ["top_up"] },
  usage: { label: "Usage", kinds: ["usage"] },
  grant: { label: "Grants", kinds: ["grant"] },
  refund: { label: "Refunds", kinds: ["refund"] },
  dispute: { label: "Disputes", kinds: ["dispute", "dispute_won"] },
  adjustment: { label: "Adjustments", kinds: ["adjustment", "reversal"] },
} as const satisfies Record<string, { label: string; kinds: TransferKind[] | null }>;

export type StatementFilter = keyof typeof STATEMENT_FILTERS;

export const statementQuerySchema = z.object({
  type: z.enum(Object.keys(STATEMENT_FILTERS) as [StatementFilter, ...StatementFilter[]]).default("all"),
  before: z.string().regex(/^\d{1,19}$/, "not a cursor").optional(),
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

type Row = { id: string; created_at: Date; kind: TransferKind; reason: string | null; amount: string; balance_after: string; receipt_url: string | null };

function toRow(row: Row): StatementRow {
  return {
    entryId: BigInt(row.id),
    at: new Date(row.created_at),
    kind: row.kind,
    description: row.reason,
    amountMicros: BigInt(row.amount),
    balanceAfterMicros: BigInt(row.balance_after),
    receiptUrl: row.receipt_url,
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
  const account = await getOwnAccountOrThrow(db, session);
  const limit = options.limit ?? STATEMENT_PAGE_SIZE;
  const kinds = kindsOf(options.filter);
  const ledger = account.ledgerAccountId.toString();
  const rows = await db.execute<Row>(sql`
    with page as (
      select e.id, e.created_at, e.amount_micros, t.kind, t.reason, t.idempotency_key
      from entries e join transfers t on t.id = e.transfer_id
      where e.ledger_account_id = ${ledger}::bigint
        and (${kinds}::jsonb is null or t.kind in (select jsonb_array_elements_text(${kinds}::jsonb)))
        and (${options.before ?? null}::bigint is null or e.id < ${options.before ?? null}::bigint)
      order by e.id desc limit ${limit + 1}
    ), newer as (
      select x.id, coalesce(sum(x.amount_micros) over (order by x.id desc rows between unbounded preceding and 1 preceding), 0) as newer_sum
      from entries x where x.ledger_account_id = ${ledger}::bigint and x.id >= (select min(id) from page)
    )
    select page.id::text, page.created_at, page.kind, page.reason, page.amount_micros::text as amount,
      ((select balance_micros from ledger_accounts where id = ${ledger}::bigint) - newer.newer_sum)::text as balance_after,
      tu.receipt_url
    from page join newer on newer.id = page.id
    left join top_ups tu on page.kind = 'top_up' and tu.billing_account_id = ${account.accountId}
      and tu.checkout_session_id = substr(page.idempotency_key, length('checkout:') + 1)
    order by page.id desc`);
  const hasMore = rows.rows.length > limit;
  const pageRows = rows.rows.slice(0, limit).map(toRow);
  return {
    rows: pageRows,
    nextCursor: hasMore ? pageRows.at(-1)!.entryId.toString() : null,
    balanceMicros: account.balanceMicros,
  };
}

/** Every movement matching the filter, oldest first, with the running balance (for the CSV export). */
export async function getStatementMovements(db: Queryable, session: AppSession, filter: StatementFilter): Promise<StatementRow[]> {
  const account = await getOwnAccountOrThrow(db, session);
  const kinds = kindsOf(filter);
  const rows = await db.execute<Row>(sql`
    select m.id::text, m.created_at, m.kind, m.reason, m.amount_micros::text as amount, m.balance_after::text, tu.receipt_url
    from (
      select e.id, e.created_at, e.amount_micros, t.kind, t.reason, t.idempotency_key,
        sum(e.amount_micros) over (order by e.id) as balance_after
      from entries e join transfers t on t.id = e.transfer_id
      where e.ledger_account_id = ${account.ledgerAccountId.toString()}::bigint
    ) m
    left join top_ups tu on m.kind = 'top_up' and tu.billing_account_id = ${account.accountId}
      and tu.checkout_session_id = substr(m.idempotency_key, length('checkout:') + 1)
    where ${kinds}::jsonb is null or m.kind in (select jsonb_array_elements_text(${kinds}::jsonb))
    order by m.id`);
  return rows.rows.map(toRow);
}
