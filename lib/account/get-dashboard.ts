import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow, type OwnAccount } from "./get-own-account";
import { estimateRunway, RUNWAY_WINDOW_MS, type Runway } from "@/lib/spend-alerts/estimate-runway";
import { DAY_MS, HOUR_MS, lastDays, lastHours, samePointLastMonth, startOfMonth, startsIn } from "./periods";

export type CostPoint = { start: Date; costMicros: bigint };

// The runway's one definition, shared with the runway alert (lib/spend-alerts/estimate-runway.ts).
export type { Runway };

export type Dashboard = {
  account: OwnAccount;
  runway: Runway;
  monthToDateMicros: bigint;
  lastMonthToSamePointMicros: bigint;
  last24Hours: CostPoint[];
  last30Days: CostPoint[];
};

/** `sum(cost) filter (…)` over [from, to) of the scanned usage_account_hours rows. */
function costBetween(from: Date, to: Date): SQL {
  return sql`coalesce(sum(cost_micros) filter (where hour >= ${from.toISOString()} and hour < ${to.toISOString()}), 0)::text`;
}

type Figures = { first: Date | null; spent: bigint; monthToDate: bigint; lastMonth: bigint; last24Hours: CostPoint[]; last30Days: CostPoint[] };

type FiguresRow = {
  first: Date | null;
  spent: string;
  mtd: string;
  last_month: string;
  /** [start in ms, cost] pairs as text, from json_agg. */
  hours: Array<[string, string]>;
  days: Array<[string, string]>;
};

/** `starts` with each bucket's cost from the [start ms, cost] pairs (missing buckets cost nothing). */
function pointsOf(starts: Date[], pairs: Array<[string, string]>): CostPoint[] {
  const byStart = new Map(pairs.map(([startMs, cost]) => [Number(startMs), BigInt(cost)]));
  return starts.map((start) => ({ start, costMicros: byStart.get(start.getTime()) ?? 0n }));
}

/**
 * Every figure of the dashboard in one statement (one round trip, one snapshot), from the per-account
 * hourly rollup: the sums scan at most two months of hours, ~1,500 narrow rows, however many spaces the
 * account has; the 24-hour and 30-day series come along as JSON arrays.
 */
async function getFigures(db: Queryable, accountId: string, now: Date): Promise<Figures> {
  const lastMonth = samePointLastMonth(now);
  const windowStart = new Date(now.getTime() - RUNWAY_WINDOW_MS);
  const scanFrom = new Date(Math.min(lastMonth.from.getTime(), windowStart.getTime()));
  // The same windows as the usage page's "Last 24 hours" and "Last 30 days" (lib/account/periods.ts).
  const last24Hours = lastHours(now, 24);
  const last30Days = lastDays(now, 30);
  const hourStarts = startsIn(last24Hours, HOUR_MS);
  const dayStarts = startsIn(last30Days, DAY_MS);
  // Raw SQL on a measured page: `npm run bench` (account, /account p95 budget 150 ms): one scan, all figures.
  const rows = await db.execute<FiguresRow>(sql`
    select (select min(hour) from usage_hours where account_id = ${accountId}) as first,
      ${costBetween(windowStart, now)} as spent,
      ${costBetween(startOfMonth(now), now)} as mtd,
      ${costBetween(lastMonth.from, lastMonth.to)} as last_month,
      (select coalesce(json_agg(json_build_array((extract(epoch from hour) * 1000)::bigint::text, cost_micros::text)), '[]')
        from usage_account_hours where account_id = ${accountId}
          and hour >= ${last24Hours.from.toISOString()} and hour < ${last24Hours.to.toISOString()}) as hours,
      (select coalesce(json_agg(json_build_array((extract(epoch from d.day) * 1000)::bigint::text, d.cost::text)), '[]')
        from (select date_trunc('day', hour, 'UTC') as day, sum(cost_micros) as cost from usage_account_hours
          where account_id = ${accountId} and hour >= ${last30Days.from.toISOString()} and hour < ${last30Days.to.toISOString()}
          group by 1) d) as days
    from usage_account_hours
    where account_id = ${accountId} and hour >= ${scanFrom.toISOString()} and hour < ${now.toISOString()}`);
  const row = rows.rows[0]!;
  return {
    first: row.first ? new Date(row.first) : null,
    spent: BigInt(row.spent),
    monthToDate: BigInt(row.mtd),
    lastMonth: BigInt(row.last_month),
    last24Hours: pointsOf(hourStarts, row.hours),
    last30Days: pointsOf(dayStarts, row.days),
  };
}

function runwayOf(account: OwnAccount, scalars: Figures, now: Date): Runway {
  return estimateRunway({ balanceMicros: account.balanceMicros, spentMicros: scalars.spent, firstUsageAt: scalars.first, now });
}

/** Everything the dashboard shows, for the session's own account only. */
export async function getDashboard(db: Queryable, session: AppSession, now = new Date()): Promise<Dashboard> {
  return getDashboardOf(db, await getOwnAccountOrThrow(db, session), now);
}

/**
 * The dashboard's figures of one account: the account comes from the session (getDashboard) or a
 * verified API key (the account API answers the same numbers), never from the request alone.
 */
export async function getDashboardOf(db: Queryable, account: OwnAccount, now = new Date()): Promise<Dashboard> {
  const figures = await getFigures(db, account.accountId, now);
  return {
    account,
    runway: runwayOf(account, figures, now),
    monthToDateMicros: figures.monthToDate,
    lastMonthToSamePointMicros: figures.lastMonth,
    last24Hours: figures.last24Hours,
    last30Days: figures.last30Days,
  };
}
