import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "./resources";

export type UsageGranularity = "hour" | "day";
export type UsageGrouping = "resource" | "space";

const HOUR_MS = 3_600_000;
const BUCKET_MS: Record<UsageGranularity, number> = { hour: HOUR_MS, day: 24 * HOUR_MS };
export const MAX_USAGE_RANGE_MS = 400 * 24 * HOUR_MS;
// 400 days of hours by resource (86,400 points) fit; a wider grouping at that range must use days.
export const MAX_USAGE_POINTS = 100_000;

export type UsageWindow = { from: Date; to: Date };

function invalid(field: "from" | "to" | "granularity", message: string): AppError {
  return new AppError("validation_failed", {
    message: `${field}: ${message}.`,
    details: { fields: [{ path: field, message }] },
  });
}

/**
 * The window a usage query covers: defaults to the 24 hours ending with the current hour, refuses
 * `from` ≥ `to` or more than 400 days, and widens both ends to whole UTC hours or days.
 */
export function resolveUsageWindow(
  input: { from?: Date; to?: Date; granularity: UsageGranularity },
  now = new Date(),
): UsageWindow {
  const to =
    input.to ??
    new Date(
      input.from ? input.from.getTime() + 24 * HOUR_MS : Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS,
    );
  const from = input.from ?? new Date(to.getTime() - 24 * HOUR_MS);
  if (from.getTime() >= to.getTime()) throw invalid("from", "must be before to");
  if (to.getTime() - from.getTime() > MAX_USAGE_RANGE_MS) throw invalid("to", "the range may span at most 400 days");
  const bucket = BUCKET_MS[input.granularity];
  return {
    from: new Date(Math.floor(from.getTime() / bucket) * bucket),
    to: new Date(Math.ceil(to.getTime() / bucket) * bucket),
  };
}

export type UsagePoint = { start: Date; key: string; resource?: Resource; units: bigint; costMicros: bigint };

export type UsageReport = UsageWindow & {
  accountId: string;
  granularity: UsageGranularity;
  group: UsageGrouping;
  points: UsagePoint[];
  totals: {
    costMicros: bigint;
    resources: Array<{ resource: Resource; units: bigint; costMicros: bigint }>;
    spaces: Array<{ space: string; costMicros: bigint }>;
  };
};

export type QueryUsageOptions = {
  accountId: string;
  from?: Date;
  to?: Date;
  granularity: UsageGranularity;
  group: UsageGrouping;
  now?: Date;
};

type PointRow = { start_ms: string; key: string; resource: Resource | null; units: string; cost: string };

/**
 * An account's usage from `usage_hourly` as a time series in UTC buckets, keyed by resource or by
 * space (then one point per space and resource, so units never mix), with totals by resource and
 * by space. Unknown accounts are a 404.
 */
export async function queryUsage(db: Queryable, options: QueryUsageOptions): Promise<UsageReport> {
  const window = resolveUsageWindow(options, options.now);
  const exists = await db.execute(sql`select 1 from billing_accounts where id = ${options.accountId}`);
  if (exists.rows.length === 0)
    throw new AppError("not_found", { message: `Account ${options.accountId} does not exist.` });

  const range = sql`u.account_id = ${options.accountId} and u.hour >= ${window.from.toISOString()} and u.hour < ${window.to.toISOString()}`;
  const start = sql`(extract(epoch from date_trunc(${options.granularity}, u.hour, 'UTC')) * 1000)::bigint::text`;
  const points = await db.execute<PointRow>(
    options.group === "resource"
      ? sql`
        select ${start} as start_ms, u.resource as key, null as resource, sum(u.units)::text as units, sum(u.cost_micros)::text as cost
        from usage_hourly u where ${range}
        group by 1, 2 order by 1, 2 limit ${MAX_USAGE_POINTS + 1}`
      : sql`
        select ${start} as start_ms, s.name as key, u.resource, sum(u.units)::text as units, sum(u.cost_micros)::text as cost
        from usage_hourly u join spaces s on s.id = u.space_id where ${range}
        group by 1, 2, 3 order by 1, 2, 3 limit ${MAX_USAGE_POINTS + 1}`,
  );
  if (points.rows.length > MAX_USAGE_POINTS) {
    throw invalid("granularity", `more than ${MAX_USAGE_POINTS} points: use granularity=day or a shorter range`);
  }

  const totals = await db.execute<{ resource: Resource | null; space: string | null; units: string; cost: string }>(sql`
    select u.resource, s.name as space, sum(u.units)::text as units, sum(u.cost_micros)::text as cost
    from usage_hourly u join spaces s on s.id = u.space_id where ${range}
    group by grouping sets ((u.resource), (s.name)) order by 1, 2`);
  const resources = totals.rows
    .filter((row) => row.resource !== null)
    .map((row) => ({ resource: row.resource!, units: BigInt(row.units), costMicros: BigInt(row.cost) }));

  return {
    accountId: options.accountId,
    ...window,
    granularity: options.granularity,
    group: options.group,
    points: points.rows.map((row) => ({
      start: new Date(Number(row.start_ms)),
      key: row.key,
      ...(row.resource !== null ? { resource: row.resource } : {}),
      units: BigInt(row.units),
      costMicros: BigInt(row.cost),
    })),
    totals: {
      costMicros: resources.reduce((sum, row) => sum + row.costMicros, 0n),
      resources,
      spaces: totals.rows
        .filter((row) => row.space !== null)
        .map((row) => ({ space: row.space!, costMicros: BigInt(row.cost) })),
    },
  };
}
