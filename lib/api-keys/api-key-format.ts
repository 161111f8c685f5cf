import "server-only";
import { hashSecret, newSecretToken } from "@/lib/security/secret-token";

// A personal API key is `tpk_` and 43 base64url characters: 256 random bits from the same generator as
// every other secret link (lib/security/secret-token.ts), so there is one way to make a secret. Only its
// SHA-256 is stored, with the first characters as a prefix that tells keys apart in settings. The `tpk_`
// start lets secret scanners and people recognise one, and keeps it apart from platform tokens (`ptk_`).

export const API_KEY_PREFIX = "tpk_";
export const API_KEY_SHAPE = /^tpk_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

/** At most this many keys of an account are live at once: enough for every script, few enough to review. */
export const MAX_ACTIVE_API_KEYS = 10;

export type ApiKeySummary = { id: bigint; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

/** A new key's secret, its hash (what is stored) and its shown prefix. */
export function newApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${newSecretToken()}`;
  return { key, keyHash: hashSecret(key), prefix: key.slice(0, SHOWN_PREFIX_LENGTH) };
}

export function hashApiKey(key: string): string {
  return hashSecret(key);
}
