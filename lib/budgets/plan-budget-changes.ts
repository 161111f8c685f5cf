// What a budget check changes, decided from what it read (lib/budgets/read-budget-state.ts). Pure, so
// the rules are unit-tested on their own: which spaces a budget pauses, which pauses end, which alerts
// are due. Applied by checkBudgetsInTransaction in the same transaction.
import { budgetAlertPercents } from "@/lib/db/schema/spend-controls";
import type { BudgetState, StoredPause } from "./read-budget-state";

export type PauseReason = StoredPause["reason"];
export type WantedPause = { spaceId: bigint; accountId: string; reason: PauseReason; budgetId: bigint };
export type DueAlert = { budget: BudgetState; percents: number[]; top: number };

export type BudgetPlan = {
  /** Spaces to pause now (not paused this month before). */
  pause: WantedPause[];
  /** Stored pauses that end: of an earlier month (the rollover), or no longer wanted. */
  resume: StoredPause[];
  /** Paused spaces that stay paused for another budget (the space's own rather than the account's). */
  retag: WantedPause[];
  alerts: DueAlert[];
};

/** Whether spend has reached `percent` of a budget. */
export function hasReached(spendMicros: bigint, amountMicros: bigint, percent: number): boolean {
  return spendMicros * 100n >= amountMicros * BigInt(percent);
}

/**
 * The plan for the accounts read. `spacesOf` lists each account's spaces; it is asked only for an
 * account whose own budget pauses (every space of it), so a check usually reads no space list.
 */
export function planBudgetChanges(
  budgets: BudgetState[],
  pauses: StoredPause[],
  monthStart: Date,
  spacesOf: (accountId: string) => bigint[],
): BudgetPlan {
  const wanted = new Map<bigint, WantedPause>();
  // Account budgets first, so a space's own budget, which says more, names the reason when both apply.
  const ordered = [...budgets].sort((a, b) => Number(b.spaceId === null) - Number(a.spaceId === null));
  for (const budget of ordered) {
    if (budget.action !== "pause" || !hasReached(budget.spendMicros, budget.amountMicros, 100)) continue;
    if (budget.spaceId === null) {
      for (const spaceId of spacesOf(budget.accountId)) {
        wanted.set(spaceId, { spaceId, accountId: budget.accountId, reason: "account_budget", budgetId: budget.id });
      }
    } else {
      wanted.set(budget.spaceId, { spaceId: budget.spaceId, accountId: budget.accountId, reason: "budget", budgetId: budget.id });
    }
  }
  const current = new Map(pauses.filter((pause) => pause.month.getTime() === monthStart.getTime()).map((pause) => [pause.spaceId, pause]));
  const resume = pauses.filter((pause) => !current.has(pause.spaceId) || !wanted.has(pause.spaceId));
  const pause = [...wanted.values()].filter((want) => !current.has(want.spaceId));
  const retag = [...wanted.values()].filter((want) => {
    const stored = current.get(want.spaceId);
    return stored !== undefined && (stored.budgetId !== want.budgetId || stored.reason !== want.reason);
  });
  const alerts: DueAlert[] = [];
  for (const budget of budgets) {
    const percents = budgetAlertPercents.filter(
      (percent) => hasReached(budget.spendMicros, budget.amountMicros, percent) && !budget.firedPercents.includes(percent),
    );
    if (percents.length > 0) alerts.push({ budget, percents, top: percents.at(-1)! });
  }
  return { pause, resume, retag, alerts };
}
