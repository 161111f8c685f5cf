import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/invites/normalize-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 20, windowSeconds: 15 * 60 },
} as const;

export type SignInRequester = { email: string | undefined; ip: string };

/**
 * Counts a sign-in request against the per-IP and per-email limits (Postgres-backed, so they hold
 * across instances) and throws `rate_limited` with the longer wait when either is exceeded. Every
 * address is counted the same way, invited or not, so the limit itself reveals nothing. The email is
 * hashed in the bucket name: the limits table holds no addresses.
 */
export async function limitSignInRequests(db: Database, requester: SignInRequester): Promise<void> {
  const checks = [consumeRateLimit(db, { bucket: `sign-in:ip:${requester.ip}`, ...SIGN_IN_LIMITS.perIp })];
  if (requester.email) {
    const digest = createHash("sha256").update(normalizeEmail(requester.email)).digest("hex").slice(0, 32);
    checks.push(consumeRateLimit(db, { bucket: `sign-in:email:${digest}`, ...SIGN_IN_LIMITS.perEmail }));
  }
  const outcomes = await Promise.allSettled(checks);
  const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
  if (refusals.length === 0) return;
  const waits = refusals.map((reason) => (reason instanceof AppError ? (reason.retryAfter ?? 0) : 0));
  if (refusals.some((reason) => !(reason instanceof AppError && reason.code === "rate_limited"))) throw refusals[0];
  const retryAfter = Math.max(...waits);
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  throw new AppError("rate_limited", {
    message: `Too many sign-in requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retryAfter,
  });
}
