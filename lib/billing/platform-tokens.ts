import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { platformTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

// Platform tokens authenticate the platform's hosts on the billing API (DESIGN section 5). The secret is
// `ptk_` and 40 base62 characters (~238 random bits); only its SHA-256 is stored, with a short prefix so
// operators can tell tokens apart without the secret.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 40;
const PREFIX_LENGTH = "ptk_".length + 6;
const TOKEN_SHAPE = /^ptk_[0-9A-Za-z]{32,128}$/;
// last_used_at is for operators ("is this token still in use?"), so minute precision is enough and
// saves a row write on nearly every request.
const LAST_USED_PRECISION_SECONDS = 60;

export type PlatformToken = { id: bigint; name: string; prefix: string };
export type CreatedPlatformToken = PlatformToken & { /** The secret: shown once, never stored. */ token: string };

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting the top bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token named `name` (e.g. "host-fleet") and returns its secret, which is not kept anywhere. */
export async function createPlatformToken(db: Queryable, name: string): Promise<CreatedPlatformToken> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw new AppError("validation_failed", { message: "A token name is 1 to 100 characters." });
  }
  const token = `ptk_${randomBase62(SECRET_LENGTH)}`;
  const prefix = token.slice(0, PREFIX_LENGTH);
  const [created] = await db
    .insert(platformTokens)
    .values({ name: trimmed, tokenHash: hashToken(token), prefix })
    .returning({ id: platformTokens.id });
  return { id: created!.id, name: trimmed, prefix, token };
}

/**
 * Registers a token whose secret the caller already holds (the demo's, derived from its demo-only
 * secret so every seed writes the same one); a second call with the same secret changes nothing.
 */
export async function registerPlatformToken(db: Queryable, name: string, token: string): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError("validation_failed", { message: "Not a platform token." });
  await db
    .insert(platformTokens)
    .values({ name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX_LENGTH) })
    .onConflictDoNothing({ target: platformTokens.tokenHash });
}

/**
 * The token an `Authorization: Bearer ptk_…` header presents, or 401 `unauthenticated` when the header
 * is missing or malformed or the token is unknown or revoked. The lookup is by SHA-256 of the secret, so
 * its timing says nothing about the stored secrets; every refusal answers the same message.
 */
export async function verifyPlatformTokenOrThrow(db: Queryable, authorization: string | null): Promise<PlatformToken> {
  const refuse = () =>
    new AppError("unauthenticated", { message: "Send a valid platform token: Authorization: Bearer ptk_…" });
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (token === undefined || !TOKEN_SHAPE.test(token)) throw refuse();
  // Raw SQL on a measured path: every billing API request runs it (`npm run bench:ingest`, and the
  // standing line of `npm run bench`), and the CTE finds and touches the token in one round trip.
  const rows = await db.execute<{ id: string; name: string; prefix: string; is_revoked: boolean }>(sql`
    with found as (
      select id, name, prefix, revoked_at, last_used_at from platform_tokens where token_hash = ${hashToken(token)}
    ), touched as (
      update platform_tokens set last_used_at = now()
      from found
      where platform_tokens.id = found.id and found.revoked_at is null
        and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
    )
    select id::text, name, prefix, revoked_at is not null as is_revoked from found`);
  const row = rows.rows[0];
  if (row === undefined || row.is_revoked) throw refuse();
  return { id: BigInt(row.id), name: row.name, prefix: row.prefix };
}

/** Revokes a token at once (its next request answers 401). Returns false when no live token has that id. */
export async function revokePlatformToken(db: Queryable, id: bigint): Promise<boolean> {
  const result = await db
    .update(platformTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(platformTokens.id, id), isNull(platformTokens.revokedAt)));
  return (result.rowCount ?? 0) > 0;
}
