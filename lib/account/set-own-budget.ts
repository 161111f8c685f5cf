import "server-only";
import { and, eq } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { BudgetInput } from "@/lib/budgets/budget-schemas";
import { setBudget } from "@/lib/budgets/set-budget";
import type { Database } from "@/lib/db/client";
import { spaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getOwnAccountOrThrow } from "./get-own-account";

/** What a saved budget was for: a space by its name, or the whole account (null). */
export type SavedBudget = { spaceName: string | null };

/**
 * The account area's "save budget": the account is the session's own, never one named by the form, and
 * a space id is looked up within it (another account's space is `not_found`, as lib/budgets says too).
 */
export async function setOwnBudget(db: Database, session: AppSession, input: BudgetInput): Promise<SavedBudget> {
  const account = await getOwnAccountOrThrow(db, session);
  if (account.closedAt) throw new AppError("conflict", { message: "This account is closed." });
  const spaceName = input.spaceId === null ? null : await findOwnSpaceName(db, account.accountId, input.spaceId);
  await setBudget(db, {
    accountId: account.accountId,
    spaceId: input.spaceId,
    amountMicros: input.amountMicros,
    action: input.action,
  });
  return { spaceName };
}

/** The name of a space of this account; `not_found` for any other id. */
export async function findOwnSpaceName(db: Database, accountId: string, spaceId: bigint): Promise<string> {
  const rows = await db
    .select({ name: spaces.name })
    .from(spaces)
    .where(and(eq(spaces.id, spaceId), eq(spaces.accountId, accountId)));
  if (!rows[0]) throw new AppError("not_found", { message: "That space is not one of yours." });
  return rows[0].name;
}
