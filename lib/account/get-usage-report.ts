import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Resource } from "@/lib/billing/resources";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow } from "./get-own-account";
import { DAY_MS, HOUR_MS, startsIn } from "./periods";
import type { UsageSelection } from "./usage-range";
import { allColumns, costSum, nonZeroCount, sumColumns, unpivot } from "./usage-sql";

export type UsageRow = { start: Date; space?: string; resource: Resource; units: bigint; costMicros: bigint };
export type ChartSeries = { key: string; label: string };
export type ChartBucket = { start: Date; costs: Record<string, bigint> };

export type UsageReport = {
  selection: UsageSelection;
  series: ChartSeries[];
  chart: ChartBucket[];
  totals: Array<{ key: string; resource?: Resource; units?: bigint; costMicros: bigint }>;
  totalCostMicros: bigint;
  rows: UsageRow[];
  rowCount: number;
  pageCount: number;
};

export const USAGE_PAGE_SIZE = 200;
// By space, a page holds whole period-and-space groups (up to 9 rows each), about as many rows.
const SPACE_GROUPS_PER_PAGE = 25;
// Spaces beyond the costliest few are drawn as one "Other" series; the table still lists each one.
const CHART_SPACES = 7;
const OTHER = "Other spaces";

type RowData = { start_ms: string; space: string | null; resource: Resource; units: string; cost: string };

function source(selection: UsageSelection, accountId: string): { table: SQL; where: SQL; bucket: SQL } {
  const bucket = sql.raw(selection.granularity === "hour" ? "t.hour" : "t.day");
  return {
    table: sql.raw(selection.granularity === "hour" ? "usage_hours t" : "usage_days t"),
    bucket,
    where: sql`t.account_id = ${accountId} and ${bucket} >= ${selection.from.toISOString()} and ${bucket} < ${selection.to.toISOString()}${
      selection.space === undefined
        ? sql``
        : sql` and t.space_id = (select id from spaces where account_id = ${accountId} and name = ${selection.space})`
    }`,
  };
}

function toRow(row: RowData): UsageRow {
  return {
    start: new Date(Number(row.start_ms)),
    ...(row.space !== null ? { space: row.space } : {}),
    resource: row.resource,
    units: BigInt(row.units),
    costMicros: BigInt(row.cost),
  };
}

/**
 * The table's rows, oldest first: by resource, or by space and resource (so units never mix). Wide rows
 * are summed (by resource) or paged (by space: `page` counts period-and-space groups) before they are
 * unpivoted, so a year of 100 spaces never expands to millions of tuples.
 */
export async function queryUsageRows(db: Queryable, accountId: string, selection: UsageSelection, page?: { offset: number; limit: number }): Promise<UsageRow[]> {
  const { table, where, bucket } = source(selection, accountId);
  const inner =
    selection.group === "space"
      ? sql`select ${bucket} as b, s.name as space, ${allColumns("t")} from ${table} join spaces s on s.id = t.space_id
          where ${where} order by 1, 2 ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`
      : sql`select ${bucket} as b, null::text as space, ${sumColumns("t")} from ${table} where ${where} group by 1`;
  // Raw SQL on a measured page: `npm run bench` (account, /account/usage p95 budget 150 ms).
  const rows = await db.execute<RowData>(sql`
    select (extract(epoch from g.b) * 1000)::bigint::text as start_ms, g.space, r.resource, r.units::text, r.cost::text
    from (${inner}) g cross join lateral ${unpivot("g")}
    where r.units <> 0 or r.cost <> 0
    order by g.b, g.space, r.resource`);
  return rows.rows.map(toRow);
}

function bucketStartsOf(selection: UsageSelection): Date[] {
  return startsIn(selection, selection.granularity === "hour" ? HOUR_MS : DAY_MS);
}

function chartOf(starts: Date[], points: Array<{ start: Date; key: string; cost: bigint }>): ChartBucket[] {
  const byStart = new Map<number, ChartBucket>(starts.map((start) => [start.getTime(), { start, costs: {} }]));
  for (const point of points) {
    const bucket = byStart.get(point.start.getTime());
    if (bucket) bucket.costs[point.key] = (bucket.costs[point.key] ?? 0n) + point.cost;
  }
  return [...byStart.values()];
}

async function byResource(db: Queryable, accountId: string, selection: UsageSelection): Promise<Omit<UsageReport, "selection">> {
  // At most 31 days of hours × 9 resources: small enough to read whole and page in memory.
  const rows = await queryUsageRows(db, accountId, selection);
  const totals = new Map<Resource, { units: bigint; costMicros: bigint }>();
  for (const row of rows) {
    const total = totals.get(row.resource) ?? { units: 0n, costMicros: 0n };
    totals.set(row.resource, { units: total.units + row.units, costMicros: total.costMicros + row.costMicros });
  }
  const offset = (selection.page - 1) * USAGE_PAGE_SIZE;
  return {
    series: [...totals.keys()].map((resource) => ({ key: resource, label: resource })),
    chart: chartOf(bucketStartsOf(selection), rows.map((row) => ({ start: row.start, key: row.resource, cost: row.costMicros }))),
    totals: [...totals].map(([resource, total]) => ({ key: resource, resource, ...total })),
    totalCostMicros: rows.reduce((sum, row) => sum + row.costMicros, 0n),
    rows: rows.slice(offset, offset + USAGE_PAGE_SIZE),
    rowCount: rows.length,
    pageCount: Math.max(1, Math.ceil(rows.length / USAGE_PAGE_SIZE)),
  };
}

async function bySpace(db: Queryable, accountId: string, selection: UsageSelection): Promise<Omit<UsageReport, "selection">> {
  const { table, where, bucket } = source(selection, accountId);
  // Raw SQL on a measured page: `npm run bench` (account, /account/usage p95 budget 150 ms).
  const [spaceTotals, count, rows] = await Promise.all([
    db.execute<{ space: string; cost: string }>(sql`
      select s.name as space, sum(${costSum("t")})::text as cost
      from ${table} join spaces s on s.id = t.space_id where ${where} group by 1 order by 2 desc, 1`),
    db.execute<{ groups: string; rows: string }>(sql`
      select count(*)::text as groups, coalesce(sum(${nonZeroCount("t")}), 0)::text as rows from ${table} where ${where}`),
    queryUsageRows(db, accountId, selection, { offset: (selection.page - 1) * SPACE_GROUPS_PER_PAGE, limit: SPACE_GROUPS_PER_PAGE }),
  ]);
  const top = spaceTotals.rows.slice(0, CHART_SPACES).map((row) => row.space);
  const perBucket = await db.execute<{ start_ms: string; space: string; cost: string }>(sql`
    select (extract(epoch from ${bucket}) * 1000)::bigint::text as start_ms,
      case when s.name in (select jsonb_array_elements_text(${JSON.stringify(top)}::jsonb)) then s.name else ${OTHER} end as space,
      sum(${costSum("t")})::text as cost
    from ${table} join spaces s on s.id = t.space_id where ${where} group by 1, 2`);
  const hasOther = spaceTotals.rows.length > CHART_SPACES;
  return {
    series: [...top, ...(hasOther ? [OTHER] : [])].map((key) => ({ key, label: key })),
    chart: chartOf(bucketStartsOf(selection), perBucket.rows.map((row) => ({ start: new Date(Number(row.start_ms)), key: row.space, cost: BigInt(row.cost) }))),
    totals: spaceTotals.rows.map((row) => ({ key: row.space, costMicros: BigInt(row.cost) })),
    totalCostMicros: spaceTotals.rows.reduce((sum, row) => sum + BigInt(row.cost), 0n),
    rows,
    rowCount: Number(count.rows[0]?.rows ?? 0),
    pageCount: Math.max(1, Math.ceil(Number(count.rows[0]?.groups ?? 0) / SPACE_GROUPS_PER_PAGE)),
  };
}


/** The usage page for the session's own account over the selected range. */
export async function getUsageReport(db: Queryable, session: AppSession, selection: UsageSelection): Promise<UsageReport> {
  const account = await getOwnAccountOrThrow(db, session);
  const report = selection.group === "space" ? await bySpace(db, account.accountId, selection) : await byResource(db, account.accountId, selection);
  return { selection, ...report };
}
