import "server-only";
import { sql } from "drizzle-orm";
import { textArrayLiteral } from "@/lib/db/array-literal";
import type { Queryable } from "@/lib/db/client";
import type { BudgetAction, SpacePauseReason } from "@/lib/db/schema/spend-controls";
import { budgetMonthStart, nextBudgetMonthStart } from "./budget-month";
import { dayCostSum } from "./budget-spend-sql";

export type BudgetState = {
  id: bigint;
  accountId: string;
  /** Null for the account's budget. */
  spaceId: bigint | null;
  spaceName: string | null;
  amountMicros: bigint;
  action: BudgetAction;
  /** This UTC month's billed usage of the space (or of the whole account). */
  spendMicros: bigint;
  /** The percents already alerted this month. */
  firedPercents: number[];
};

export type StoredPause = { spaceId: bigint; accountId: string; reason: Exclude<SpacePauseReason, "account_frozen">; budgetId: bigint; month: Date };

/**
 * The budgets of the accounts with this month's spend of each and the percents already alerted, and the
 * accounts' stored pauses (of any month): one statement, run under the accounts' ledger locks (in the
 * posting transaction, or by setBudget), so no other check of the same account runs in between.
 */
export async function readBudgetState(tx: Queryable, accountIds: string[], now: Date): Promise<{ budgets: BudgetState[]; pauses: StoredPause[] }> {
  const month = budgetMonthStart(now).toISOString();
  const next = nextBudgetMonthStart(now).toISOString();
  const ids = textArrayLiteral(accountIds);
  const result = await tx.execute<{
    budgets: Array<[string, string, string | null, string | null, string, BudgetAction, string, number[]]>;
    pauses: Array<[string, string, StoredPause["reason"], string, string]>;
  }>(sql`
    select
      (select coalesce(json_agg(json_build_array(b.id::text, b.account_id, b.space_id::text, s.name, b.amount_micros::text, b.action,
          (select coalesce(sum(${dayCostSum("d")}), 0)::text from usage_days d
            where d.account_id = b.account_id and d.day >= ${month}::timestamptz and d.day < ${next}::timestamptz
              and (b.space_id is null or d.space_id = b.space_id)),
          (select coalesce(json_agg(a.percent order by a.percent), '[]') from budget_alerts a
            where a.budget_id = b.id and a.month = ${month}::timestamptz)) order by b.id), '[]')
        from budgets b left join spaces s on s.id = b.space_id
        where b.account_id = any(${ids}::text[])) as budgets,
      (select coalesce(json_agg(json_build_array(p.space_id::text, p.account_id, p.reason, p.budget_id::text, p.month) order by p.space_id), '[]')
        from space_pauses p where p.account_id = any(${ids}::text[])) as pauses`);
  const row = result.rows[0]!;
  return {
    budgets: row.budgets.map(([id, accountId, spaceId, spaceName, amount, action, spend, fired]) => ({
      id: BigInt(id),
      accountId,
      spaceId: spaceId === null ? null : BigInt(spaceId),
      spaceName,
      amountMicros: BigInt(amount),
      action,
      spendMicros: BigInt(spend),
      firedPercents: fired.map(Number),
    })),
    pauses: row.pauses.map(([spaceId, accountId, reason, budgetId, pausedMonth]) => ({
      spaceId: BigInt(spaceId),
      accountId,
      reason,
      budgetId: BigInt(budgetId),
      month: new Date(pausedMonth),
    })),
  };
}
