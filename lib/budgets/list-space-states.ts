import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { budgetMonthStart } from "./budget-month";

/** A space's stored budget state: its name and, when a budget pauses it this month, why. */
export type SpaceState = { name: string; reason: "budget" | "account_budget" | null };

/**
 * Each space of an account with the budget pause in force this UTC month, by name: the billing API's
 * standing (hosts poll it up to 200 times a second), so it reads no spend, only spaces and pauses (a
 * pause of an earlier month reads as none). The account's own state (frozen) is the caller's to add.
 */
export async function listSpaceStates(db: Queryable, accountId: string, now: Date = new Date()): Promise<SpaceState[]> {
  const rows = await db.execute<SpaceState>(sql`
    select s.name, p.reason from spaces s
    left join space_pauses p on p.space_id = s.id and p.month = ${budgetMonthStart(now).toISOString()}::timestamptz
    where s.account_id = ${accountId}
    order by s.name`);
  return rows.rows;
}
