import "server-only";
import type PgBoss from "pg-boss";
import { deleteExpiredVerificationTokens } from "@/lib/auth/verification-tokens";
import type { Database } from "@/lib/db/client";
import { pruneSentEmails, SENT_EMAIL_RETENTION_MS } from "@/lib/email/prune-sent-emails";
import { getLogger } from "@/lib/observability/logger";
import { pruneResolvedEventFailures } from "@/lib/payments/prune-resolved-event-failures";
import {
  DELIVERED_PLATFORM_EVENT_RETENTION_MS,
  pruneDeliveredPlatformEvents,
} from "@/lib/platform-events/prune-delivered-platform-events";
import { pruneRateLimits } from "@/lib/rate-limit/consume-rate-limit";

export const MAINTENANCE_QUEUE = "maintenance-prune";

/** Hourly, at minute 7 (off the quarter hours the reconciliation takes). */
export const MAINTENANCE_CRON = "7 * * * *";

/**
 * How long a rate-limit window is kept after it started. Far beyond the longest window in use (one
 * hour: the waitlist's), so no live count is ever cut short; a new limit with a longer window must stay
 * under it.
 */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type PruneReport = {
  rateLimitWindows: number;
  verificationTokens: number;
  sentEmails: number;
  deliveredPlatformEvents: number;
  resolvedStripeEventFailures: number;
};

/**
 * The maintenance job's handler: drops rate-limit windows long over (every request adds a row per
 * bucket, so without this `rate_limits` grows forever) and magic-link tokens past their expiry (Auth.js
 * never deletes them; sign-in requests prune them too, but only when someone signs in), outbox
 * emails sent more than SENT_EMAIL_RETENTION_MS ago, platform events delivered more than 90 days ago,
 * and the failed attempts of Stripe events resolved more than 90 days ago (the database's clock decides
 * those: the site's role may only ask, migration 0039). Nothing owed or unresolved is ever deleted.
 */
export async function pruneStaleRows(db: Database, now: Date = new Date()): Promise<PruneReport> {
  const rateLimitWindows = await pruneRateLimits(db, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS));
  const verificationTokens = await deleteExpiredVerificationTokens(db, now);
  const sentEmails = await pruneSentEmails(db, new Date(now.getTime() - SENT_EMAIL_RETENTION_MS));
  const deliveredPlatformEvents = await pruneDeliveredPlatformEvents(db, new Date(now.getTime() - DELIVERED_PLATFORM_EVENT_RETENTION_MS));
  const resolvedStripeEventFailures = await pruneResolvedEventFailures(db);
  return { rateLimitWindows, verificationTokens, sentEmails, deliveredPlatformEvents, resolvedStripeEventFailures };
}

/** Creates the maintenance queue, schedules it, and works it in this process. */
export async function startMaintenanceJobs(boss: PgBoss, db: () => Database): Promise<void> {
  await boss.createQueue(MAINTENANCE_QUEUE, { name: MAINTENANCE_QUEUE, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.schedule(MAINTENANCE_QUEUE, MAINTENANCE_CRON, {}, { tz: "UTC" });
  await boss.work(MAINTENANCE_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const report = await pruneStaleRows(db());
    getLogger().info(report, "stale rows pruned");
  });
}
