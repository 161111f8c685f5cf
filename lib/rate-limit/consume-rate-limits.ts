import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, type RateLimitOptions } from "./consume-rate-limit";

/** A bucket-name part for an email or other personal value: the limits table holds no addresses. */
export function bucketKey(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/**
 * Counts one hit in every bucket (all of them, even when one is already over, so the counts stay
 * honest) and throws one `rate_limited` with the longest wait and a readable message naming it.
 */
export async function consumeRateLimits(db: Database, checks: RateLimitOptions[], what: string): Promise<void> {
  const outcomes = await Promise.allSettled(checks.map((check) => consumeRateLimit(db, check)));
  const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
  if (refusals.length === 0) return;
  const limited = refusals.filter((reason): reason is AppError => reason instanceof AppError && reason.code === "rate_limited");
  if (limited.length !== refusals.length) throw refusals.find((reason) => !limited.includes(reason as AppError));
  const retryAfter = Math.max(...limited.map((reason) => reason.retryAfter ?? 0));
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  throw new AppError("rate_limited", {
    message: `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retryAfter,
  });
}
