import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AppSession } from "@/lib/auth/app-session";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow, type OwnAccount } from "./get-own-account";
import { DAY_MS, HOUR_MS, bucketStarts, runwayDays, samePointLastMonth, startOfMonth } from "./periods";

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

/** `sum(cost) filter (…)` over [from, to) of the scanned usage_account_hours rows. */
function costBetween(from: Date, to: Date): SQL {
  return sql`coalesce(sum(cost_micros) filter (where hour >= ${from.toISOString()} and hour < ${to.toISOString()}), 0)::text`;
}

type Scalars = { first: Date | null; spent: bigint; monthToDate: bigint; lastMonth: bigint };

/**
 * The dashboard's sums in one statement (one round trip, one snapshot), from the per-account hourly
 * rollup: at most two months of hours, ~1,500 narrow rows, however many spaces the account has.
 */
async function getScalars(db: Queryable, accountId: string, now: Date): Promise<Scalars> {
  const lastMonth = samePointLastMonth(now);
  const windowStart = new Date(now.getTime() - RUNWAY_WINDOW_MS);
  const scanFrom = new Date(Math.min(lastMonth.from.getTime(), windowStart.getTime()));
  const rows = await db.execute<{ first: Date | null; spent: string; mtd: string; last_month: string }>(sql`
    select (select min(hour) from usage_hours where account_id = ${accountId}) as first,
      ${costBetween(windowStart, now)} as spent,
      ${costBetween(startOfMonth(now), now)} as mtd,
      ${costBetween(lastMonth.from, lastMonth.to)} as last_month
    from usage_account_hours
    where account_id = ${accountId} and hour >= ${scanFrom.toISOString()} and hour < ${now.toISOString()}`);
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

/** Cost per hour or per UTC day from `starts[0]` on, from the per-account hourly rollup. */
async function costSeries(db: Queryable, accountId: string, bucket: "hour" | "day", starts: Date[]): Promise<CostPoint[]> {
  const start = bucket === "hour" ? sql.raw("hour") : sql.raw("date_trunc('day', hour, 'UTC')");
  const rows = await db.execute<{ start_ms: string; cost: string }>(sql`
    select (extract(epoch from ${start}) * 1000)::bigint::text as start_ms, sum(cost_micros)::text as cost
    from usage_account_hours where account_id = ${accountId} and hour >= ${starts[0]!.toISOString()}
    group by 1`);
  const byStart = new Map(rows.rows.map((row) => [Number(row.start_ms), BigInt(row.cost)]));
  return starts.map((point) => ({ start: point, costMicros: byStart.get(point.getTime()) ?? 0n }));
}

/** Everything the dashboard shows, for the session's own account only. */
export async function getDashboard(db: Queryable, session: AppSession, now = new Date()): Promise<Dashboard> {
  const account = await getOwnAccountOrThrow(db, session);
  const [scalars, last24Hours, last30Days] = await Promise.all([
    getScalars(db, account.accountId, now),
    costSeries(db, account.accountId, "hour", bucketStarts(now, HOUR_MS, 24)),
    costSeries(db, account.accountId, "day", bucketStarts(now, DAY_MS, 30)),
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
