import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "@/lib/db/client";
import { platformTokens, platformTokenScopes, type PlatformTokenScope } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

// Platform tokens authenticate the platform's hosts on the billing API (DESIGN section 5). The secret is
// `ptk_` and 40 base62 characters (~238 random bits); only its SHA-256 is stored, with a short prefix so
// operators can tell tokens apart without the secret. Each token carries scopes (`ingest`, `read`):
// verify-platform-token.ts checks it, rotate-platform-token.ts and revoke-platform-token.ts end it.

export { platformTokenScopes, type PlatformTokenScope };

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 40;
const PREFIX_LENGTH = "ptk_".length + 6;
export const TOKEN_SHAPE = /^ptk_[0-9A-Za-z]{32,128}$/;

export type PlatformToken = { id: bigint; name: string; prefix: string; scopes: PlatformTokenScope[] };
export type CreatedPlatformToken = PlatformToken & { /** The secret: shown once, never stored. */ token: string };

export type CreatePlatformTokenOptions = {
  /** What the token may call; both when omitted (what `npm run token:create` made before scopes). */
  scopes?: readonly PlatformTokenScope[];
  /** The operator's user id; null (the default) for scripts and the demo seed. */
  createdBy?: string | null;
};

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

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Scopes in their canonical order, without repeats; at least one, each known. */
export function normalizeScopes(scopes: readonly string[]): PlatformTokenScope[] {
  const chosen = platformTokenScopes.filter((scope) => scopes.includes(scope));
  if (chosen.length === 0 || scopes.some((scope) => !(platformTokenScopes as readonly string[]).includes(scope))) {
    throw new AppError("validation_failed", {
      message: `A token needs at least one scope of ${platformTokenScopes.join(", ")}.`,
      details: { fields: [{ path: "scopes", message: "Choose at least one scope." }] },
    });
  }
  return chosen;
}

/** Creates a token named `name` (e.g. "host-fleet") and returns its secret, which is not kept anywhere. */
export async function createPlatformToken(
  db: Queryable,
  name: string,
  options: CreatePlatformTokenOptions = {},
): Promise<CreatedPlatformToken> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw new AppError("validation_failed", { message: "A token name is 1 to 100 characters." });
  }
  const scopes = normalizeScopes(options.scopes ?? platformTokenScopes);
  const token = `ptk_${randomBase62(SECRET_LENGTH)}`;
  const prefix = token.slice(0, PREFIX_LENGTH);
  const [created] = await db
    .insert(platformTokens)
    .values({ name: trimmed, tokenHash: hashToken(token), prefix, scopes, createdBy: options.createdBy ?? null })
    .returning({ id: platformTokens.id });
  return { id: created!.id, name: trimmed, prefix, scopes, token };
}

/**
 * Registers a token whose secret the caller already holds (the demo's, derived from its demo-only
 * secret so every seed writes the same one); a second call with the same secret changes nothing.
 */
export async function registerPlatformToken(db: Queryable, name: string, token: string): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError("validation_failed", { message: "Not a platform token." });
  await db
    .insert(platformTokens)
    .values({
      name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, PREFIX_LENGTH),
      scopes: [...platformTokenScopes],
    })
    .onConflictDoNothing({ target: platformTokens.tokenHash });
}
