import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import type { BudgetAction } from "@/lib/db/schema/spend-controls";
import { AppError } from "@/lib/errors";
import { BUDGET_AMOUNT_MESSAGE, isBudgetAmount } from "./budget-schemas";
import { checkBudgetsInTransaction, type BudgetCheckOutcome } from "./check-budgets";
import { countSpaceChanges } from "./count-space-changes";
import { assertAccountOpenOrThrow, assertOwnSpaceOrThrow, lockBudgetAccountOrThrow } from "./lock-budget-account";

export type SetBudgetInput = {
  /** The account the caller got from the session (or an operator's authorized choice), never from a form alone. */
  accountId: string;
  /** A space of that account, or null for the whole account's budget. */
  spaceId: bigint | null;
  amountMicros: bigint;
  action: BudgetAction;
};

export type SetBudgetResult = BudgetCheckOutcome & { budgetId: bigint };

/**
 * Sets (creates or replaces) a monthly budget and re-checks the account's budgets in the same
 * transaction, under the lock ingestion takes: a budget raised above this month's spend resumes its
 * paused spaces at once, one lowered below it pauses them (with their platform events), and the alerts
 * it has now passed are recorded. A space of another account is `not_found`; an amount outside
 * $0.01–$1,000,000 is `validation_failed`; a closed account is `conflict` (checked under the lock, so a
 * closing that commits first is seen); in each case nothing changes. The emails a pause recorded are
 * in `emailIds`: the caller sends them after the commit (sendOutboxEmailsNow), else the email sweep does.
 */
export async function setBudget(db: Database, input: SetBudgetInput, now: Date = new Date()): Promise<SetBudgetResult> {
  if (!isBudgetAmount(input.amountMicros)) {
    throw new AppError("validation_failed", { message: BUDGET_AMOUNT_MESSAGE, details: { field: "amount" } });
  }
  if (input.action !== "alert" && input.action !== "pause") {
    throw new AppError("validation_failed", {
      message: "A budget either alerts or pauses.",
      details: { field: "action" },
    });
  }
  const result = await runTransaction(db, async (tx) => {
    await lockBudgetAccountOrThrow(tx, input.accountId);
    await assertAccountOpenOrThrow(tx, input.accountId);
    if (input.spaceId !== null) await assertOwnSpaceOrThrow(tx, input.accountId, input.spaceId);
    const target =
      input.spaceId === null ? sql`(account_id) where space_id is null` : sql`(space_id) where space_id is not null`;
    const rows = await tx.execute<{ id: string }>(sql`
      insert into budgets (account_id, space_id, amount_micros, action, created_at, updated_at)
      values (${input.accountId}, ${input.spaceId}, ${input.amountMicros}, ${input.action}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      on conflict ${target} do update set amount_micros = excluded.amount_micros, action = excluded.action, updated_at = excluded.updated_at
      returning id::text`);
    const budgetId = BigInt(rows.rows[0]!.id);
    const outcome = await checkBudgetsInTransaction(tx, [input.accountId], now);
    return { ...outcome, budgetId };
  });
  countSpaceChanges(result);
  return result;
}
