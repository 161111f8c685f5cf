import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { monthOf, type StatementMonth } from "./statement-month";

/**
 * The oldest month with a statement worth downloading: the account's opening, or its oldest usage hour
 * when that is older (usage reported days late, as the demo's month of history is).
 */
export async function getFirstStatementMonth(
  db: Queryable,
  account: { accountId: string; createdAt: Date },
): Promise<StatementMonth> {
  const rows = await db.execute<{ first_hour: string | Date | null }>(sql`
    select min(hour) as first_hour from usage_account_hours where account_id = ${account.accountId}`);
  const firstHour = rows.rows[0]?.first_hour;
  const first = firstHour ? new Date(firstHour) : account.createdAt;
  return monthOf(first < account.createdAt ? first : account.createdAt);
}
