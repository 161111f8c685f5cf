import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

export const SIGN_IN_LIMITS = {
  /** Links (and at-capacity notices) mailed to one address; past it, requests are answered as usual and mail nothing. */
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  /** Sign-in requests from one client (lib/http/client-ip.ts); past it, that client gets a 429. */
  perIp: { limit: 20, windowSeconds: 15 * 60 },
} as const;

export type SignInRequester = { ip: string };

/**
 * Counts a sign-in request against the client's per-IP limit (Postgres-backed, so it holds across
 * instances) and throws `rate_limited` with the wait past it. Only the client is ever refused: the
 * per-address cap limits mail, not answers (claimSignInMail), so no one can lock an owner out.
 */
export async function limitSignInRequests(db: Database, requester: SignInRequester): Promise<void> {
  try {
    await consumeRateLimit(db, { bucket: `sign-in:ip:${requester.ip}`, ...SIGN_IN_LIMITS.perIp });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "rate_limited")) throw error;
    const retryAfter = error.retryAfter ?? SIGN_IN_LIMITS.perIp.windowSeconds;
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    throw new AppError("rate_limited", {
      message: `Too many sign-in requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfter,
    });
  }
}
