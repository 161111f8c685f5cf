import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow } from "./get-own-account";
import { startOfMonth } from "./periods";

export type SpaceCost = {
  name: string;
  createdAt: Date;
  costMicros: bigint;
  /** The month's cost of each resource that cost something, costliest first. */
  byResource: Array<{ resource: Resource; costMicros: bigint }>;
  /** Tenths of a percent of the month's spend. */
  sharePermille: bigint;
};

export type SpaceCosts = { monthStart: Date; totalMicros: bigint; spaces: SpaceCost[] };

// `coalesce(sum(d.cpu_ms_cost), 0)::text as cpu_ms_cost, …`: built from the constant resource list.
const resourceCosts = sql.raw(RESOURCES.map((resource) => `coalesce(sum(d.${resource}_cost), 0)::text as ${resource}_cost`).join(", "));

type SpaceRow = { name: string; created_at: Date } & Record<`${Resource}_cost`, string>;

/** Each space of the session's own account with its month-to-date cost by resource and share, costliest first. */
export async function getSpaceCosts(db: Queryable, session: AppSession, now = new Date()): Promise<SpaceCosts> {
  return readSpaceCosts(db, (await getOwnAccountOrThrow(db, session)).accountId, now);
}

/** The same for an account the caller has already authorized (the operator's account page, after requireAdmin). */
export async function readSpaceCosts(db: Queryable, accountId: string, now = new Date()): Promise<SpaceCosts> {
  const account = { accountId };
  const monthStart = startOfMonth(now);
  // Raw SQL on a measured page: `npm run bench` (account, /account/spaces p95 budget 150 ms).
  const rows = await db.execute<SpaceRow>(sql`
    select s.name, s.created_at, ${resourceCosts}
    from spaces s left join usage_days d on d.account_id = s.account_id and d.space_id = s.id and d.day >= ${monthStart.toISOString()}
    where s.account_id = ${account.accountId}
    group by s.id, s.name, s.created_at`);
  const costs = rows.rows.map((row) => {
    const byResource = RESOURCES.map((resource) => ({ resource, costMicros: BigInt(row[`${resource}_cost`]) }))
      .filter((entry) => entry.costMicros !== 0n)
      .sort((a, b) => (a.costMicros === b.costMicros ? 0 : a.costMicros > b.costMicros ? -1 : 1));
    const costMicros = byResource.reduce((sum, entry) => sum + entry.costMicros, 0n);
    return { name: row.name, createdAt: new Date(row.created_at), costMicros, byResource };
  });
  costs.sort((a, b) => (a.costMicros === b.costMicros ? a.name.localeCompare(b.name) : a.costMicros > b.costMicros ? -1 : 1));
  const totalMicros = costs.reduce((sum, space) => sum + space.costMicros, 0n);
  return {
    monthStart,
    totalMicros,
    spaces: costs.map((space) => ({ ...space, sharePermille: totalMicros > 0n ? (space.costMicros * 1000n + totalMicros / 2n) / totalMicros : 0n })),
  };
}
