import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AppSession } from "@/lib/auth/app-session";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow, type OwnAccount } from "./get-own-account";
import { DAY_MS, HOUR_MS, bucketStarts, runwayDays, samePointLastMonth, startOfDay, startOfMonth } from "./periods";
import { rowCost } from "./usage-sql";

export type CostPoint = { start: Date; costMicros: bigint };

export type Runway =
  | { kind: "too_little_history"; hoursOfHistory: number }
  | { kind: "no_recent_usage" }
  | { kind: "estimate"; perDayMicros: bigint; days: bigint; windowDays: number };

export type Dashboard = {
  account: OwnAccount;
  runway: Runway;
  monthToDateMicros: bigint;
  lastMonthToSamePointMicros: bigint;
  last24Hours: CostPoint[];
  last30Days: CostPoint[];
};

// A forecast needs at least a day of usage history; at most the last 7 days count.
const MIN_HISTORY_MS = DAY_MS;
const RUNWAY_WINDOW_MS = 7 * DAY_MS;

function sumHours(accountId: string, from: Date, to: Date): SQL {
  return sql`(select coalesce(sum(${rowCost}), 0) from usage_hours
    where account_id = ${accountId} and hour >= ${from.toISOString()} and hour < ${to.toISOString()})`;
}

/** Cost in [from, to) as a scalar subquery: whole days from the daily rollup, the partial days at either end from the hours. */
export function costBetween(accountId: string, from: Date, to: Date): SQL {
  const firstWholeDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const lastCut = startOfDay(to);
  if (lastCut.getTime() <= firstWholeDay.getTime()) return sumHours(accountId, from, to);
  const days = sql`(select coalesce(sum(${rowCost}), 0) from usage_days
    where account_id = ${accountId} and day >= ${firstWholeDay.toISOString()} and day < ${lastCut.toISOString()})`;
  return sql`(${sumHours(accountId, from, firstWholeDay)} + ${days} + ${sumHours(accountId, lastCut, to)})`;
}

type Scalars = { first: Date | null; spent: bigint; monthToDate: bigint; lastMonth: bigint };

/** The dashboard's sums in one statement: one round trip and one snapshot. */
async function getScalars(db: Queryable, accountId: string, now: Date): Promise<Scalars> {
  const lastMonth = samePointLastMonth(now);
  const rows = await db.execute<{ first: Date | null; spent: string; mtd: string; last_month: string }>(sql`
    select (select min(hour) from usage_hours where account_id = ${accountId}) as first,
      ${costBetween(accountId, new Date(now.getTime() - RUNWAY_WINDOW_MS), now)}::text as spent,
      ${costBetween(accountId, startOfMonth(now), now)}::text as mtd,
      ${costBetween(accountId, lastMonth.from, lastMonth.to)}::text as last_month`);
  const row = rows.rows[0]!;
  return { first: row.first ? new Date(row.first) : null, spent: BigInt(row.spent), monthToDate: BigInt(row.mtd), lastMonth: BigInt(row.last_month) };
}

function runwayOf(account: OwnAccount, scalars: Scalars, now: Date): Runway {
  // Usage before the first hour is nothing, so the 7-day sum is the sum since the first hour.
  const windowStart = Math.max(now.getTime() - RUNWAY_WINDOW_MS, scalars.first?.getTime() ?? now.getTime());
  const windowMs = now.getTime() - windowStart;
  if (!scalars.first || windowMs < MIN_HISTORY_MS) {
    return { kind: "too_little_history", hoursOfHistory: Math.max(0, Math.floor(windowMs / HOUR_MS)) };
  }
  const perDayMicros = (scalars.spent * BigInt(DAY_MS)) / BigInt(windowMs);
  const days = runwayDays(account.balanceMicros, perDayMicros);
  if (days === null) return { kind: "no_recent_usage" };
  return { kind: "estimate", perDayMicros, days, windowDays: Math.round(windowMs / DAY_MS) };
}

async function costSeries(db: Queryable, accountId: string, table: "usage_hours" | "usage_days", starts: Date[]): Promise<CostPoint[]> {
  const column = sql.raw(table === "usage_hours" ? "hour" : "day");
  const from = starts[0]!.toISOString();
  const rows = await db.execute<{ start_ms: string; cost: string }>(sql`
    select (extract(epoch from ${column}) * 1000)::bigint::text as start_ms, sum(${rowCost})::text as cost
    from ${sql.raw(table)} where account_id = ${accountId} and ${column} >= ${from}
    group by 1`);
  const byStart = new Map(rows.rows.map((row) => [Number(row.start_ms), BigInt(row.cost)]));
  return starts.map((start) => ({ start, costMicros: byStart.get(start.getTime()) ?? 0n }));
}

/** Everything the dashboard shows, for the session's own account only. */
export async function getDashboard(db: Queryable, session: AppSession, now = new Date()): Promise<Dashboard> {
  const account = await getOwnAccountOrThrow(db, session);
  const [scalars, last24Hours, last30Days] = await Promise.all([
    getScalars(db, account.accountId, now),
    costSeries(db, account.accountId, "usage_hours", bucketStarts(now, HOUR_MS, 24)),
    costSeries(db, account.accountId, "usage_days", bucketStarts(now, DAY_MS, 30)),
  ]);
  return {
    account,
    runway: runwayOf(account, scalars, now),
    monthToDateMicros: scalars.monthToDate,
    lastMonthToSamePointMicros: scalars.lastMonth,
    last24Hours,
    last30Days,
  };
}
