import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type RateLimitOptions = {
  /** What is limited and for whom, e.g. `waitlist:ip:203.0.113.7`. Never a raw secret. */
  bucket: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
};

export type RateLimitResult = { hits: number; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit against a fixed window and throws `rate_limited` (with Retry-After) past the limit.
 * One atomic upsert, so concurrent requests on any instance cannot both slip under the limit.
 */
export async function consumeRateLimit(db: Database, options: RateLimitOptions): Promise<RateLimitResult> {
  const nowMs = (options.now ?? new Date()).getTime();
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket: options.bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });
  const hits = row?.hits ?? 0;
  if (hits > options.limit) {
    throw new AppError("rate_limited", { retryAfter: retryAfterSeconds });
  }
  return { hits, remaining: options.limit - hits, retryAfterSeconds };
}

/** Drops windows that ended before `before`; run on a schedule so the table stays small. */
export async function pruneRateLimits(db: Database, before: Date): Promise<number> {
  const result = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
  return result.rowCount ?? 0;
}
