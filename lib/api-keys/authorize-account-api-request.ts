import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { verifyApiKeyOrThrow, type VerifiedApiKey } from "./verify-api-key";

// Limits on /api/account/v1, in fixed one-minute windows shared by every instance (lib/rate-limit):
// - per key: 300 requests/minute (5/s), plenty for a script that watches a balance or pulls usage, and
//   a bound on what one leaked key can cost us;
// - per client address, failed authentication only: 30/minute. A guess at a 256-bit key is hopeless,
//   so this bounds the work a stranger makes us do, not the odds; valid keys from the same address (a
//   shared NAT) keep working.
export const ACCOUNT_API_RATE_LIMITS = {
  perKey: { limit: 300, windowSeconds: 60 },
  failedAuthPerIp: { limit: 30, windowSeconds: 60 },
} as const;

/** The rate-limit bucket of one key (named by its id, never its secret). */
export function accountApiKeyBucket(keyId: bigint): string {
  return `account-api:key:${keyId}`;
}

/** The bucket of failed authentications from one client address (lib/http/client-ip.ts). */
export function accountApiFailedAuthBucket(ip: string): string {
  return `account-api:auth-failed:ip:${ip}`;
}

/** The second argument Next passes to a route handler under /api/account/v1/accounts/[account]. */
export type AccountApiRouteContext = { params: Promise<{ account: string }> };

/**
 * The start of every account API read: a live key (401; past the per-address limit of failures, 429),
 * counted against the key's limit (429), and the path's `{account}` must be the key's own account. Any
 * other id answers 404 whether it exists or not, so a key cannot tell other accounts apart from none.
 */
export async function authorizeAccountApiRequestOrThrow(
  db: Database,
  request: Request,
  context?: AccountApiRouteContext,
): Promise<VerifiedApiKey> {
  let key: VerifiedApiKey;
  try {
    key = await verifyApiKeyOrThrow(db, request.headers.get("authorization"));
  } catch (error) {
    if (isAppError(error) && error.code === "unauthenticated") {
      const bucket = accountApiFailedAuthBucket(clientIpFrom(request.headers));
      await consumeRateLimit(db, { bucket, ...ACCOUNT_API_RATE_LIMITS.failedAuthPerIp });
    }
    throw error;
  }
  await consumeRateLimit(db, { bucket: accountApiKeyBucket(key.keyId), ...ACCOUNT_API_RATE_LIMITS.perKey });
  if (context !== undefined) {
    const { account } = await context.params;
    if (account !== key.accountId) {
      throw new AppError("not_found", { message: "No such account: a key reads only the account it belongs to." });
    }
  }
  return key;
}
