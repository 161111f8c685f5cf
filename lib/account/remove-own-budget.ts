import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { BudgetRemoval } from "@/lib/budgets/budget-schemas";
import { removeBudget } from "@/lib/budgets/remove-budget";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getOwnAccountOrThrow } from "./get-own-account";
import { findOwnSpaceName, type SavedBudget } from "./set-own-budget";

/** The account area's "remove budget", for the session's own account only; a space it paused resumes. */
export async function removeOwnBudget(db: Database, session: AppSession, input: BudgetRemoval): Promise<SavedBudget> {
  const account = await getOwnAccountOrThrow(db, session);
  if (account.closedAt) throw new AppError("conflict", { message: "This account is closed." });
  const spaceName = input.spaceId === null ? null : await findOwnSpaceName(db, account.accountId, input.spaceId);
  await removeBudget(db, { accountId: account.accountId, spaceId: input.spaceId });
  return { spaceName };
}
