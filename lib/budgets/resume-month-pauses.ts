import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { budgetMonthStart } from "./budget-month";
import { checkBudgetsInTransaction } from "./check-budgets";
import { lockBudgetAccountOrThrow } from "./lock-budget-account";

export type ResumeMonthPausesOptions = {
  /** Only these accounts (an operator's repair, a test beside others on one database); all when absent. */
  accountIds?: string[];
};

/**
 * The month rollover: ends every pause of an earlier UTC month, one account per transaction under the
 * lock ingestion takes, each with its `space.standing_changed` (active) platform event. Idempotent (a
 * second run finds nothing), so the job may run hourly; the reads already say `active` from the month's
 * first instant, so this only makes the stored rows and the platform's pushed state agree. Returns how
 * many spaces resumed.
 */
export async function resumeMonthPauses(db: Database, now: Date = new Date(), { accountIds }: ResumeMonthPausesOptions = {}): Promise<number> {
  const month = budgetMonthStart(now).toISOString();
  const only = accountIds === undefined ? null : JSON.stringify(accountIds);
  const accounts = await db.execute<{ account_id: string }>(sql`
    select distinct account_id from space_pauses
    where month < ${month}::timestamptz and (${only}::jsonb is null or account_id in (select jsonb_array_elements_text(${only}::jsonb)))
    order by account_id`);
  let resumed = 0;
  for (const { account_id: accountId } of accounts.rows) {
    // The same check as ingestion's: it ends the old pauses, and pauses again at once a space whose
    // budget this month's spend (already posted after midnight) has reached.
    const outcome = await runTransaction(db, async (tx) => {
      await lockBudgetAccountOrThrow(tx, accountId);
      return checkBudgetsInTransaction(tx, [accountId], now);
    });
    resumed += outcome.resumed.length;
  }
  return resumed;
}
