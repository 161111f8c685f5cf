import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { API_KEY_SHAPE, hashApiKey } from "./api-key-format";

// last_used_at tells a person whether a script still uses a key, so minute precision is enough and
// saves a row write on nearly every request (a script polling the balance every second writes once a minute).
const LAST_USED_PRECISION_SECONDS = 60;

/** Who is asking on /api/account/v1: one live key, and the one account it may read. */
export type VerifiedApiKey = { keyId: bigint; accountId: string };

export const API_KEY_REFUSAL = "Send a valid personal API key: Authorization: Bearer tpk_…";

/**
 * The key an `Authorization: Bearer tpk_…` header presents, or 401 `unauthenticated` when the header is
 * missing or malformed or the key is unknown, revoked, or its account closed. Revocation is read on
 * every request, so a revoked key fails on the very next one. Shaped like verifyPlatformTokenOrThrow:
 * found by SHA-256 (its timing says nothing about stored keys), one round trip, one message for every refusal.
 */
export async function verifyApiKeyOrThrow(db: Queryable, authorization: string | null): Promise<VerifiedApiKey> {
  const refuse = () => new AppError("unauthenticated", { message: API_KEY_REFUSAL });
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (key === undefined || !API_KEY_SHAPE.test(key)) throw refuse();
  const rows = await db.execute<{ id: string; account_id: string; is_live: boolean }>(sql`
    with found as (
      select k.id, k.account_id, k.last_used_at,
        k.revoked_at is null and not exists (select 1 from account_closures c where c.account_id = k.account_id) as is_live
      from personal_api_keys k where k.token_hash = ${hashApiKey(key)}
    ), touched as (
      update personal_api_keys set last_used_at = now()
      from found
      where personal_api_keys.id = found.id and found.is_live
        and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
    )
    select id::text, account_id, is_live from found`);
  const row = rows.rows[0];
  if (row === undefined || !row.is_live) throw refuse();
  return { keyId: BigInt(row.id), accountId: row.account_id };
}
