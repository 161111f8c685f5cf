import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { checkBudgetsInTransaction, type BudgetCheckOutcome } from "./check-budgets";
import { countSpaceChanges } from "./count-space-changes";
import { assertAccountOpenOrThrow, assertOwnSpaceOrThrow, lockBudgetAccountOrThrow } from "./lock-budget-account";

export type RemoveBudgetInput = {
  /** The account the caller got from the session, never from a form alone. */
  accountId: string;
  /** The space whose budget goes, or null for the account's budget. */
  spaceId: bigint | null;
};

export type RemoveBudgetResult = BudgetCheckOutcome & { isRemoved: boolean };

/**
 * Removes a budget, under the lock ingestion takes: the spaces it paused resume in the same transaction
 * (each with its platform event), unless another budget in force still pauses them. Its alert marks go
 * with it; the notices already shown (spend_alerts) stay as history. Removing a budget that is not set
 * changes nothing; a space of another account is `not_found`; a closed account is `conflict` (checked
 * under the lock, so a closing that commits first is seen).
 */
export async function removeBudget(
  db: Database,
  input: RemoveBudgetInput,
  now: Date = new Date(),
): Promise<RemoveBudgetResult> {
  const result = await runTransaction(db, async (tx) => {
    await lockBudgetAccountOrThrow(tx, input.accountId);
    await assertAccountOpenOrThrow(tx, input.accountId);
    if (input.spaceId !== null) await assertOwnSpaceOrThrow(tx, input.accountId, input.spaceId);
    const found = await tx.execute<{ id: string }>(
      input.spaceId === null
        ? sql`select id::text from budgets where account_id = ${input.accountId} and space_id is null`
        : sql`select id::text from budgets where account_id = ${input.accountId} and space_id = ${input.spaceId}`,
    );
    const budgetId = found.rows[0]?.id;
    if (budgetId === undefined) return { paused: [], resumed: [], alerts: 0, emailIds: [], isRemoved: false };
    // Checked as if it were gone: the spaces it paused resume (with their events), or stay paused for a
    // budget still in force (the account's, say), whose row then holds them. Then it can go.
    const outcome = await checkBudgetsInTransaction(tx, [input.accountId], now, { withoutBudgetId: BigInt(budgetId) });
    await tx.execute(sql`delete from budget_alerts where budget_id = ${budgetId}::bigint`);
    await tx.execute(sql`delete from budgets where id = ${budgetId}::bigint`);
    return { ...outcome, isRemoved: true };
  });
  countSpaceChanges(result);
  return result;
}
