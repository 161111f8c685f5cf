import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { getInvoiceLinksByTransferId, getReceiptUrlsByTransferId } from "@/lib/payments/get-receipt-urls";
import { STATEMENT_FILTERS, type StatementFilter, type TransferKind } from "./get-statement";
import { getOwnAccountOrThrow } from "./get-own-account";
import { costSum } from "./usage-sql";
import { buildStatementLines, type StatementLine, type StatementMovement, type UsagePiece } from "./statement-lines";

/** UTC days a page of the statement covers: a week of days (and of per-space hours) per page read. */
export const STATEMENT_PAGE_DAYS = 7;

export const STATEMENT_DAY_MESSAGE = "not a page of this statement";

/** A page cursor: the UTC day the page ends before, "2026-12-05", a real date between 2000 and 2999. */
export function isStatementDay(value: string): boolean {
  if (!/^2\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export const statementLinesQuerySchema = z.object({
  type: z.enum(Object.keys(STATEMENT_FILTERS) as [StatementFilter, ...StatementFilter[]], { error: "not a known movement type" }).default("all"),
  before: z.string().refine(isStatementDay, STATEMENT_DAY_MESSAGE).optional(),
});

export type StatementLinesPage = {
  lines: StatementLine[];
  /** The UTC days shown, "2026-11-29" to "2026-12-05", or null when nothing is. */
  days: { first: string; last: string } | null;
  /** `before` for the next older page, or null when nothing older matches the filter. */
  nextCursor: string | null;
  balanceMicros: bigint;
};

type Result = {
  balance: string;
  closing: string;
  from_day: string | null;
  to_day: string | null;
  has_older: boolean;
  movements: Array<[string, string, string, TransferKind, string | null, string]>;
  pieces: Array<[string, number, string, string, string, string]>;
};

function isShown(line: StatementLine, filter: StatementFilter): boolean {
  const kinds = STATEMENT_FILTERS[filter].kinds as readonly string[] | null;
  if (kinds === null) return true;
  return line.type === "usage" ? kinds.includes("usage") : kinds.includes(line.movement.kind);
}

/**
 * One page of the session's own statement as lines (lib/account/statement-lines.ts): the
 * STATEMENT_PAGE_DAYS UTC days ending with the newest day before `before` that has a line of the
 * filter's kind, so no page is empty while older lines exist. Read in one statement (one snapshot):
 * the balance now, less the movements and usage hours newer than the page, is the balance after its
 * newest line, whatever the filter hides.
 */
export async function getStatementLines(
  db: Queryable,
  session: AppSession,
  options: StatementLinesOptions,
): Promise<StatementLinesPage> {
  return readStatementLines(db, await getOwnAccountOrThrow(db, session), options);
}

export type StatementLinesOptions = { filter: StatementFilter; before?: string };

/**
 * The same page for an account the caller has already authorized: the operator's account page
 * (lib/admin/get-account-detail.ts, after requireAdmin) shows the customer's own statement through this,
 * so the two views cannot drift. Never call it with an id from a request without that check.
 */
export async function readStatementLines(
  db: Queryable,
  account: { accountId: string; ledgerAccountId: bigint },
  options: StatementLinesOptions,
): Promise<StatementLinesPage> {
  if (options.before !== undefined && !isStatementDay(options.before)) {
    const fields = [{ path: "before", message: STATEMENT_DAY_MESSAGE }];
    throw new AppError("validation_failed", { message: `before: ${STATEMENT_DAY_MESSAGE}.`, details: { fields } });
  }
  const ledger = account.ledgerAccountId.toString();
  const kinds = STATEMENT_FILTERS[options.filter].kinds as readonly string[] | null;
  const movementKinds = kinds && JSON.stringify(kinds.filter((kind) => kind !== "usage"));
  const includesUsage = kinds === null || kinds.includes("usage");
  const before = options.before ? `${options.before}T00:00:00Z` : null;
  // Raw SQL on a measured page: `npm run bench` (account, /account/statement p95 budget 150 ms). Usage
  // entries are left out on purpose: usage_hours stands for them (see statement-lines.ts).
  const result = await db.execute<Result>(sql`
    with latest as (
      select greatest(
        -- The newest by id (the ledger's order): read backwards on entries_account_idx until one matches.
        (select e.created_at from entries e join transfers t on t.id = e.transfer_id
          where e.ledger_account_id = ${ledger}::bigint and t.kind <> 'usage'
            and (${movementKinds}::jsonb is null or t.kind in (select jsonb_array_elements_text(${movementKinds}::jsonb)))
            and (${before}::timestamptz is null or e.created_at < ${before}::timestamptz)
          order by e.id desc limit 1),
        (select max(hour) from usage_account_hours
          where ${includesUsage} and account_id = ${account.accountId} and cost_micros > 0
            and (${before}::timestamptz is null or hour < ${before}::timestamptz))
      ) as at
    ), bounds as (
      select date_trunc('day', at, 'UTC') + interval '1 day' - ${`${STATEMENT_PAGE_DAYS} days`}::interval as from_at,
        date_trunc('day', at, 'UTC') + interval '1 day' as to_at
      from latest
    ), movements as (
      select e.id, e.transfer_id, e.created_at, t.kind, t.reason, e.amount_micros
      from entries e join transfers t on t.id = e.transfer_id, bounds b
      where e.ledger_account_id = ${ledger}::bigint and t.kind <> 'usage' and e.created_at >= b.from_at and e.created_at < b.to_at
    ), first_usage as (
      select e.created_at as at from entries e join transfers t on t.id = e.transfer_id
      where e.ledger_account_id = ${ledger}::bigint and t.kind = 'usage' order by e.id limit 1
    ), slots as (
      -- Each hour of the page once (at most 24 × STATEMENT_PAGE_DAYS), with its UTC day and where it
      -- falls among the movements (statement-lines.ts): its start, but not before the account's first
      -- usage posting unless that is on a later day. Worked out per hour, not per space-hour row.
      select g.hour, to_char(g.hour at time zone 'UTC', 'YYYY-MM-DD') as day,
        (select count(*) from movements m where m.created_at < greatest(g.hour,
          least((select at from first_usage), date_trunc('day', g.hour, 'UTC') + interval '1 day' - interval '1 microsecond')))::int as segment
      from bounds b, generate_series(b.from_at, b.to_at - interval '1 hour', interval '1 hour') as g(hour)
    ), sums as (
      select s.day, s.segment, h.space_id, min(h.hour) as first_hour, max(h.hour) as last_hour, sum(${costSum("h")}) as cost
      from usage_hours h join slots s on s.hour = h.hour, bounds b
      where h.account_id = ${account.accountId} and h.hour >= b.from_at and h.hour < b.to_at and ${costSum("h")} > 0
      group by s.day, s.segment, h.space_id
    ), pieces as (
      select u.day, u.segment, sp.name, u.first_hour, u.last_hour, u.cost from sums u join spaces sp on sp.id = u.space_id
    )
    select
      (select balance_micros from ledger_accounts where id = ${ledger}::bigint)::text as balance,
      ((select balance_micros from ledger_accounts where id = ${ledger}::bigint)
        - coalesce((select sum(e.amount_micros) from entries e join transfers t on t.id = e.transfer_id, bounds b
            where e.ledger_account_id = ${ledger}::bigint and t.kind <> 'usage' and e.created_at >= b.to_at), 0)
        + coalesce((select sum(u.cost_micros) from usage_account_hours u, bounds b
            where u.account_id = ${account.accountId} and u.hour >= b.to_at), 0))::text as closing,
      (select to_char(from_at at time zone 'UTC', 'YYYY-MM-DD') from bounds) as from_day,
      (select to_char(to_at at time zone 'UTC', 'YYYY-MM-DD') from bounds) as to_day,
      coalesce((select exists (select 1 from entries e join transfers t on t.id = e.transfer_id, bounds b
          where e.ledger_account_id = ${ledger}::bigint and t.kind <> 'usage' and e.created_at < b.from_at
            and (${movementKinds}::jsonb is null or t.kind in (select jsonb_array_elements_text(${movementKinds}::jsonb))))
        or exists (select 1 from usage_account_hours u, bounds b
          where ${includesUsage} and u.account_id = ${account.accountId} and u.hour < b.from_at and u.cost_micros > 0)), false) as has_older,
      (select coalesce(json_agg(json_build_array(id::text, transfer_id::text, created_at, kind, reason, amount_micros::text)
        order by created_at, id), '[]') from movements) as movements,
      (select coalesce(json_agg(json_build_array(day, segment, name, first_hour, last_hour, cost::text)), '[]') from pieces) as pieces`);
  const row = result.rows[0]!;
  const credits = row.movements.filter(([, , , kind]) => kind === "top_up").map(([, transferId]) => BigInt(transferId));
  const [receipts, invoiceLinks] = await Promise.all([
    getReceiptUrlsByTransferId(db, account.accountId, credits),
    getInvoiceLinksByTransferId(db, account.accountId, credits),
  ]);
  const movements: StatementMovement[] = row.movements.map(([id, transferId, at, kind, reason, amount]) => ({
    entryId: BigInt(id),
    at: new Date(at),
    kind,
    description: reason,
    amountMicros: BigInt(amount),
    receiptUrl: receipts.get(BigInt(transferId)) ?? null,
    invoice: invoiceLinks.get(BigInt(transferId)) ?? null,
  }));
  const pieces: UsagePiece[] = row.pieces.map(([day, segment, spaceName, firstHour, lastHour, cost]) => ({
    day,
    segment,
    spaceName,
    firstHour: new Date(firstHour),
    lastHour: new Date(lastHour),
    costMicros: BigInt(cost),
  }));
  const lines = buildStatementLines(movements, pieces, BigInt(row.closing)).filter((line) => isShown(line, options.filter));
  const lastDay = row.to_day && new Date(new Date(`${row.to_day}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  return {
    lines,
    days: row.from_day && lastDay ? { first: row.from_day, last: lastDay } : null,
    nextCursor: row.has_older ? row.from_day : null,
    balanceMicros: BigInt(row.balance),
  };
}
