import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { BudgetAction, SpacePauseReason } from "@/lib/db/schema/spend-controls";
import { AppError } from "@/lib/errors";
import type { StandingState } from "@/lib/ledger/standing";
import { budgetMonthKey, budgetMonthStart, nextBudgetMonthStart } from "./budget-month";
import { dayCostSum } from "./budget-spend-sql";

export type BudgetSummary = { id: bigint; amountMicros: bigint; action: BudgetAction };

export type SpaceStanding = {
  spaceId: bigint;
  name: string;
  state: "active" | "paused";
  reason: SpacePauseReason | null;
  /** When a budget paused it (null when active or paused only by the account's freeze). */
  pausedAt: Date | null;
  /** This UTC month's billed usage. */
  spendMicros: bigint;
  budget: BudgetSummary | null;
};

export type SpaceStandings = {
  account: { state: StandingState };
  spaces: SpaceStanding[];
  accountBudget: BudgetSummary | null;
  accountSpendMicros: bigint;
  /** The budget month: its first instant, the next month's first instant (when pauses end), `YYYY-MM`. */
  month: { start: Date; end: Date; key: string };
};

type AccountRow = { state: StandingState; budget_id: string | null; amount: string | null; action: BudgetAction | null };
type SpaceRow = {
  id: string;
  name: string;
  spend: string;
  budget_id: string | null;
  amount: string | null;
  action: BudgetAction | null;
  reason: "budget" | "account_budget" | null;
  paused_at: string | null;
};

const summary = (id: string | null, amount: string | null, action: BudgetAction | null): BudgetSummary | null =>
  id === null || amount === null || action === null ? null : { id: BigInt(id), amountMicros: BigInt(amount), action };

/**
 * Each space's standing as the platform enforces it, with this month's spend and budget, for an account
 * the caller has authorized (the session's own account, a platform token, an operator). A frozen
 * account's spaces are all `paused` (`account_frozen`); a pause of an earlier month reads `active` from
 * the first instant of the next month, before the rollover job deletes it. Unknown accounts: `not_found`.
 */
export async function getSpaceStandings(db: Queryable, accountId: string, now: Date = new Date()): Promise<SpaceStandings> {
  const start = budgetMonthStart(now);
  const end = nextBudgetMonthStart(now);
  const accounts = await db.execute<AccountRow>(sql`
    select a.state, b.id::text as budget_id, b.amount_micros::text as amount, b.action
    from billing_accounts a left join budgets b on b.account_id = a.id and b.space_id is null
    where a.id = ${accountId}`);
  const account = accounts.rows[0];
  if (account === undefined) throw new AppError("not_found", { message: `Account ${accountId} does not exist.` });
  // One pass over the month's usage_days rows of the account (at most 31 a space), grouped by space.
  const spaces = await db.execute<SpaceRow>(sql`
    select s.id::text, s.name, coalesce(m.spend, 0)::text as spend, b.id::text as budget_id, b.amount_micros::text as amount,
      b.action, p.reason, p.paused_at
    from spaces s
    left join (select d.space_id, sum(${dayCostSum("d")}) as spend from usage_days d
      where d.account_id = ${accountId} and d.day >= ${start.toISOString()}::timestamptz and d.day < ${end.toISOString()}::timestamptz
      group by d.space_id) m on m.space_id = s.id
    left join budgets b on b.space_id = s.id
    left join space_pauses p on p.space_id = s.id and p.month = ${start.toISOString()}::timestamptz
    where s.account_id = ${accountId}
    order by s.name`);
  const isFrozen = account.state === "frozen";
  const list: SpaceStanding[] = spaces.rows.map((row) => {
    const reason: SpacePauseReason | null = isFrozen ? "account_frozen" : row.reason;
    return {
      spaceId: BigInt(row.id),
      name: row.name,
      state: reason === null ? "active" : "paused",
      reason,
      pausedAt: row.reason !== null && row.paused_at !== null ? new Date(row.paused_at) : null,
      spendMicros: BigInt(row.spend),
      budget: summary(row.budget_id, row.amount, row.action),
    };
  });
  return {
    account: { state: account.state },
    spaces: list,
    accountBudget: summary(account.budget_id, account.amount, account.action),
    accountSpendMicros: list.reduce((sum, space) => sum + space.spendMicros, 0n),
    month: { start, end, key: budgetMonthKey(now) },
  };
}
