import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PlatformToken } from "@/lib/billing/platform-tokens";
import { verifyPlatformTokenOrThrow } from "@/lib/billing/verify-platform-token";
import { clientIpFrom, clientIpOfUnproxiedRoute, UNKNOWN_CLIENT } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

// Per-token limits on the billing API, in fixed one-minute windows shared by every instance.
// - ingest (POST /usage): 6,000 requests/minute = 100/s. The ingestion budget is 20,000 records/s; at
//   1,000 records a batch that is 20 requests/s, and even 200-record batches (100/s) still fit.
// - read (accounts, standing, usage): 12,000 requests/minute = 200/s, because hosts poll standing for
//   every active account to enforce freezes; a separate bucket so polling never starves ingestion.
// Each kind is also the scope a token needs for it (lib/db/schema platformTokenScopes).
export const BILLING_RATE_LIMITS = {
  ingest: { limit: 6_000, windowSeconds: 60 },
  read: { limit: 12_000, windowSeconds: 60 },
} as const;

export type BillingRateLimitKind = keyof typeof BILLING_RATE_LIMITS;

const SCOPE_PURPOSE: Record<BillingRateLimitKind, string> = { ingest: "report usage", read: "read accounts" };

/** The rate-limit bucket of one token and kind (named by the token's id, never its secret). */
export function billingRateLimitBucket(kind: BillingRateLimitKind, tokenId: bigint): string {
  return `billing:${kind}:token:${tokenId}`;
}

export type AuthorizeBillingRequestOptions = {
  /** The route skips proxy.ts (POST /usage): its X-Forwarded-For was not cleaned (clientIpOfUnproxiedRoute). */
  skipsProxy?: boolean;
};

/**
 * Verifies the request's platform token (401), that it holds the scope `kind` (403), and counts it
 * against that token's limit (429). The scope comes back with the token's one lookup: no extra query.
 * The client address it records as the token's last use is never one the client wrote itself.
 */
export async function authorizeBillingRequestOrThrow(
  db: Database,
  request: Request,
  kind: BillingRateLimitKind,
  { skipsProxy = false }: AuthorizeBillingRequestOptions = {},
): Promise<PlatformToken> {
  const address = skipsProxy ? clientIpOfUnproxiedRoute(request.headers) : clientIpFrom(request.headers);
  const token = await verifyPlatformTokenOrThrow(db, request.headers.get("authorization"), {
    clientAddress: address === UNKNOWN_CLIENT ? null : address,
  });
  if (!token.scopes.includes(kind)) {
    throw new AppError("forbidden", {
      message: `This token may not ${SCOPE_PURPOSE[kind]}: it needs the \`${kind}\` scope.`,
      details: { required_scope: kind },
    });
  }
  await consumeRateLimit(db, { bucket: billingRateLimitBucket(kind, token.id), ...BILLING_RATE_LIMITS[kind] });
  return token;
}
