import "server-only";
import { sql } from "drizzle-orm";
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

async function sumHours(db: Queryable, accountId: string, from: Date, to: Date): Promise<bigint> {
  const rows = await db.execute<{ cost: string | null }>(sql`
    select sum(${rowCost})::text as cost from usage_hours
    where account_id = ${accountId} and hour >= ${from.toISOString()} and hour < ${to.toISOString()}`);
  return BigInt(rows.rows[0]?.cost ?? "0");
}

async function sumDays(db: Queryable, accountId: string, from: Date, to: Date): Promise<bigint> {
  const rows = await db.execute<{ cost: string | null }>(sql`
    select sum(${rowCost})::text as cost from usage_days
    where account_id = ${accountId} and day >= ${from.toISOString()} and day < ${to.toISOString()}`);
  return BigInt(rows.rows[0]?.cost ?? "0");
}

/** Cost in [from, to): whole days from the daily rollup, the partial days at either end from the hours. */
export async function costBetween(db: Queryable, accountId: string, from: Date, to: Date): Promise<bigint> {
  const firstWholeDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const lastCut = startOfDay(to);
  if (lastCut.getTime() <= firstWholeDay.getTime()) return sumHours(db, accountId, from, to);
  const parts = await Promise.all([
    from < firstWholeDay ? sumHours(db, accountId, from, firstWholeDay) : 0n,
    sumDays(db, accountId, firstWholeDay, lastCut),
    lastCut < to ? sumHours(db, accountId, lastCut, to) : 0n,
  ]);
  return parts.reduce((sum, part) => sum + part, 0n);
}

async function getRunway(db: Queryable, account: OwnAccount, now: Date): Promise<Runway> {
  const first = await db.execute<{ first: Date | null }>(sql`
    select min(hour) as first from usage_hours where account_id = ${account.accountId}`);
  const firstHour = first.rows[0]?.first ? new Date(first.rows[0].first) : null;
  const windowStart = new Date(Math.max(now.getTime() - RUNWAY_WINDOW_MS, firstHour?.getTime() ?? now.getTime()));
  const windowMs = now.getTime() - windowStart.getTime();
  if (!firstHour || windowMs < MIN_HISTORY_MS) {
    return { kind: "too_little_history", hoursOfHistory: Math.max(0, Math.floor(windowMs / HOUR_MS)) };
  }
  const spent = await costBetween(db, account.accountId, windowStart, now);
  const perDayMicros = (spent * BigInt(DAY_MS)) / BigInt(windowMs);
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
  const lastMonth = samePointLastMonth(now);
  const [runway, monthToDateMicros, lastMonthToSamePointMicros, last24Hours, last30Days] = await Promise.all([
    getRunway(db, account, now),
    costBetween(db, account.accountId, startOfMonth(now), now),
    costBetween(db, account.accountId, lastMonth.from, lastMonth.to),
    costSeries(db, account.accountId, "usage_hours", bucketStarts(now, HOUR_MS, 24)),
    costSeries(db, account.accountId, "usage_days", bucketStarts(now, DAY_MS, 30)),
  ]);
  return { account, runway, monthToDateMicros, lastMonthToSamePointMicros, last24Hours, last30Days };
}
