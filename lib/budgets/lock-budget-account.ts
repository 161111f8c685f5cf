import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * Takes the account's customer ledger lock, the lock ingestion holds while it posts usage and checks
 * budgets (lib/billing/ingest-in-transaction.ts), so a budget change and a posting of the same account
 * never check at once. An account without a ledger account does not exist: `not_found`.
 */
export async function lockBudgetAccountOrThrow(tx: Transaction, accountId: string): Promise<void> {
  const rows = await tx.execute(sql`select id from ledger_accounts where billing_account_id = ${accountId} for update`);
  if (rows.rows.length === 0) throw new AppError("not_found", { message: "This account does not exist." });
}

/**
 * Refuses a closed account as the account area does (`conflict`). Call it after
 * lockBudgetAccountOrThrow, as a statement of its own: a closing commits under that same lock, and
 * only a statement begun after the lock was granted sees its account_closures row (a check folded
 * into the locking select would read the snapshot taken before it waited, and let the change through).
 */
export async function assertAccountOpenOrThrow(tx: Transaction, accountId: string): Promise<void> {
  const rows = await tx.execute(sql`select 1 from account_closures where account_id = ${accountId}`);
  if (rows.rows.length > 0) throw new AppError("conflict", { message: "This account is closed." });
}

/** Refuses a space that is not the account's, exactly as one that does not exist (no probing). */
export async function assertOwnSpaceOrThrow(tx: Transaction, accountId: string, spaceId: bigint): Promise<void> {
  const isId = spaceId > 0n && spaceId <= MAX_BIGINT;
  const rows = !isId
    ? { rows: [] }
    : await tx.execute(sql`select 1 from spaces where id = ${spaceId} and account_id = ${accountId}`);
  if (rows.rows.length === 0) throw new AppError("not_found", { message: "There is no such space in your account." });
}
