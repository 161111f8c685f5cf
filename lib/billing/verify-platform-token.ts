import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken, TOKEN_SHAPE, type PlatformToken, type PlatformTokenScope } from "./platform-tokens";

// last_used_at and last_used_from are for operators ("is this token still in use, and by whom?"), so
// minute precision is enough and saves a row write on nearly every request.
const LAST_USED_PRECISION_SECONDS = 60;

export type VerifyPlatformTokenOptions = {
  /** The client's address (lib/http/client-ip.ts), recorded as where the token was last used from. */
  clientAddress?: string | null;
};

/**
 * The token an `Authorization: Bearer ptk_…` header presents, or 401 `unauthenticated` when the header
 * is missing or malformed or the token is unknown, revoked, or past the grace of a rotation. The lookup
 * is by SHA-256 of the secret, so its timing says nothing about the stored secrets; every refusal
 * answers the same message. The scopes come back for the caller to check (authorize-billing-request.ts).
 */
export async function verifyPlatformTokenOrThrow(
  db: Queryable,
  authorization: string | null,
  { clientAddress = null }: VerifyPlatformTokenOptions = {},
): Promise<PlatformToken> {
  const refuse = () =>
    new AppError("unauthenticated", { message: "Send a valid platform token: Authorization: Bearer ptk_…" });
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (token === undefined || !TOKEN_SHAPE.test(token)) throw refuse();
  // Raw SQL on a measured path: every billing API request runs it (`npm run bench:ingest`, and the
  // standing line of `npm run bench`). One round trip finds the token, decides revocation and expiry by
  // the database's clock (the same clock a rotation set `expires_at` with), returns its scopes, and
  // touches last use at most once a minute.
  const rows = await db.execute<{
    id: string;
    name: string;
    prefix: string;
    scopes: PlatformTokenScope[];
    is_live: boolean;
  }>(sql`
    with found as (
      select id, name, prefix, scopes, last_used_at,
        revoked_at is null and (expires_at is null or expires_at > now()) as is_live
      from platform_tokens where token_hash = ${hashToken(token)}
    ), touched as (
      update platform_tokens set last_used_at = now(), last_used_from = ${clientAddress}
      from found
      where platform_tokens.id = found.id and found.is_live
        and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
    )
    select id::text, name, prefix, scopes, is_live from found`);
  const row = rows.rows[0];
  if (row === undefined || !row.is_live) throw refuse();
  return { id: BigInt(row.id), name: row.name, prefix: row.prefix, scopes: row.scopes };
}
