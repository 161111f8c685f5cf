import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accountClosures, billingAccounts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";

/**
 * The id of the session's own open billing account, found by the session's user id (never by an id from
 * a form), optionally locking its row so that two key creations of one account take turns (the limit of
 * live keys is counted under that lock). `not_found` when the person has no open account.
 */
export async function findKeyOwnerAccountOrThrow(
  db: Queryable,
  session: AppSession,
  { lock = false }: { lock?: boolean } = {},
): Promise<string> {
  const query = db
    .select({ accountId: billingAccounts.id })
    .from(billingAccounts)
    .leftJoin(accountClosures, eq(accountClosures.accountId, billingAccounts.id))
    .where(and(eq(billingAccounts.ownerUserId, session.user.id), isNull(accountClosures.accountId)));
  const rows = lock ? await query.for("update", { of: billingAccounts }) : await query;
  const accountId = rows[0]?.accountId;
  if (accountId === undefined)
    throw new AppError("not_found", { message: "This sign-in has no open billing account." });
  return accountId;
}
