import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow } from "./get-own-account";
import { startOfMonth } from "./periods";
import { costSum } from "./usage-sql";

export type SpaceCost = { name: string; createdAt: Date; costMicros: bigint; /** Tenths of a percent of the month's spend. */ sharePermille: bigint };

export type SpaceCosts = { monthStart: Date; totalMicros: bigint; spaces: SpaceCost[] };

/** Each space of the session's own account with its month-to-date cost and share, costliest first. */
export async function getSpaceCosts(db: Queryable, session: AppSession, now = new Date()): Promise<SpaceCosts> {
  const account = await getOwnAccountOrThrow(db, session);
  const monthStart = startOfMonth(now);
  // Raw SQL on a measured page: `npm run bench` (account, /account/spaces p95 budget 150 ms).
  const rows = await db.execute<{ name: string; created_at: Date; cost: string }>(sql`
    select s.name, s.created_at, coalesce(sum(${costSum("d")}), 0)::text as cost
    from spaces s left join usage_days d on d.account_id = s.account_id and d.space_id = s.id and d.day >= ${monthStart.toISOString()}
    where s.account_id = ${account.accountId}
    group by s.id, s.name, s.created_at order by coalesce(sum(${costSum("d")}), 0) desc, s.name`);
  const costs = rows.rows.map((row) => ({ name: row.name, createdAt: new Date(row.created_at), costMicros: BigInt(row.cost) }));
  const totalMicros = costs.reduce((sum, space) => sum + space.costMicros, 0n);
  return {
    monthStart,
    totalMicros,
    spaces: costs.map((space) => ({ ...space, sharePermille: totalMicros > 0n ? (space.costMicros * 1000n + totalMicros / 2n) / totalMicros : 0n })),
  };
}
