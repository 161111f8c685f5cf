import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { personalApiKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { MAX_ACTIVE_API_KEYS, newApiKey, type ApiKeySummary } from "./api-key-format";
import { apiKeyNameSchema } from "./api-key-schemas";
import { findKeyOwnerAccountOrThrow } from "./find-key-owner-account";

export type CreatedApiKey = ApiKeySummary & { /** The secret: returned here once, never stored. */ key: string };

/**
 * Creates a read-only key for the session's own account and returns its secret, which is kept nowhere:
 * only its SHA-256 is stored. At most MAX_ACTIVE_API_KEYS live keys per account, counted under the
 * account's row lock so that two racing creations cannot both pass the limit.
 */
export async function createApiKey(db: Database, session: AppSession, rawName: string): Promise<CreatedApiKey> {
  // Checked here too, not only by the form: the name's CHECK constraint must never be what refuses it.
  const parsed = apiKeyNameSchema.shape.keyName.safeParse(rawName);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "A key name is 1 to 100 characters.";
    throw new AppError("validation_failed", { message, details: { fields: [{ path: "keyName", message }] } });
  }
  const name = parsed.data;
  return runTransaction(db, async (tx) => {
    const accountId = await findKeyOwnerAccountOrThrow(tx, session, { lock: true });
    const [live] = await tx
      .select({ count: count() })
      .from(personalApiKeys)
      .where(and(eq(personalApiKeys.accountId, accountId), isNull(personalApiKeys.revokedAt)));
    if ((live?.count ?? 0) >= MAX_ACTIVE_API_KEYS) {
      throw new AppError("conflict", {
        message: `An account has at most ${MAX_ACTIVE_API_KEYS} API keys: revoke one you no longer use first.`,
        details: { max_active_keys: MAX_ACTIVE_API_KEYS },
      });
    }
    const { key, keyHash, prefix } = newApiKey();
    const [created] = await tx
      .insert(personalApiKeys)
      .values({ accountId, createdBy: session.user.id, name, prefix, tokenHash: keyHash })
      .returning({ id: personalApiKeys.id, createdAt: personalApiKeys.createdAt });
    return { id: created!.id, name, prefix, createdAt: created!.createdAt, lastUsedAt: null, key };
  });
}
