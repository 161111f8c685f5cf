import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { personalApiKeys } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import type { ApiKeySummary } from "./api-key-format";
import { findKeyOwnerAccountOrThrow } from "./find-key-owner-account";

/** The session's own account's live keys, newest first: never a secret or a hash, only what tells them apart. */
export async function listApiKeys(db: Queryable, session: AppSession): Promise<ApiKeySummary[]> {
  const accountId = await findKeyOwnerAccountOrThrow(db, session);
  return db
    .select({
      id: personalApiKeys.id,
      name: personalApiKeys.name,
      prefix: personalApiKeys.prefix,
      createdAt: personalApiKeys.createdAt,
      lastUsedAt: personalApiKeys.lastUsedAt,
    })
    .from(personalApiKeys)
    .where(and(eq(personalApiKeys.accountId, accountId), isNull(personalApiKeys.revokedAt)))
    .orderBy(desc(personalApiKeys.id));
}
