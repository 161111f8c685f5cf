import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { personalApiKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { findKeyOwnerAccountOrThrow } from "./find-key-owner-account";

/**
 * Revokes one live key of the session's own account; the very next request with it answers 401, since
 * verification reads `revoked_at` on every request (nothing is cached). Another account's key, or one
 * already revoked, is `not_found`: the form cannot tell whose keys exist.
 */
export async function revokeApiKey(db: Queryable, session: AppSession, keyId: bigint): Promise<{ name: string }> {
  const accountId = await findKeyOwnerAccountOrThrow(db, session);
  const [revoked] = await db
    .update(personalApiKeys)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(personalApiKeys.id, keyId), eq(personalApiKeys.accountId, accountId), isNull(personalApiKeys.revokedAt)),
    )
    .returning({ name: personalApiKeys.name });
  if (!revoked) throw new AppError("not_found", { message: "This account has no such live key." });
  return revoked;
}
