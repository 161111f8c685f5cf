import "server-only";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import { getSpaceStandings, type BudgetSummary } from "@/lib/budgets/get-space-standings";
import type { Queryable } from "@/lib/db/client";
import type { BudgetsResponse } from "./schemas";

const presentBudget = (budget: BudgetSummary | null) =>
  budget === null ? null : { amount_micros: budget.amountMicros.toString(), action: budget.action };

/**
 * GET /accounts/{account}/budgets: each space's standing, this UTC month's spend and budget, and the
 * account's budget, from getSpaceStandings (the numbers the spaces page and the billing API use).
 */
export async function getApiBudgets(db: Queryable, key: VerifiedApiKey, now = new Date()): Promise<BudgetsResponse> {
  const standings = await getSpaceStandings(db, key.accountId, now);
  return {
    account: key.accountId,
    month: standings.month.key,
    state: standings.account.state,
    account_budget: presentBudget(standings.accountBudget),
    account_spend_micros: standings.accountSpendMicros.toString(),
    spaces: standings.spaces.map((space) => ({
      space: space.name,
      state: space.state,
      reason: space.reason,
      paused_at: space.pausedAt?.toISOString() ?? null,
      spend_micros: space.spendMicros.toString(),
      budget: presentBudget(space.budget),
    })),
  };
}
