import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getMetrics } from "@/lib/observability/metrics";
import { deliverPlatformEvents } from "./deliver-platform-events";
import { MAX_PLATFORM_WEBHOOK_ATTEMPTS } from "./platform-webhook-retry";

/**
 * The delivery sweep (lib/jobs/start-jobs.ts, every 10 s): sends whatever the send after a commit left
 * (a crash, the platform down), then measures what is still owed for `platform_webhook_backlog_*`, which
 * the PlatformWebhooksBacklog alert watches. The count reads the partial index of undelivered events,
 * so it stays cheap while the platform keeps up. Returns how many events were delivered.
 */
export async function sweepPlatformEvents(db: Database, at?: Date): Promise<number> {
  if (!getEnv().platformWebhook) return 0;
  const delivered = await deliverPlatformEvents(db, { now: at });
  const now = at ?? new Date();
  const backlog = await db.execute<{ events: number; oldest_seconds: number }>(sql`
    select count(*)::int as events,
      coalesce(extract(epoch from ${now.toISOString()}::timestamptz - min(created_at)), 0)::float8 as oldest_seconds
    from platform_events where delivered_at is null and attempts < ${MAX_PLATFORM_WEBHOOK_ATTEMPTS}`);
  const row = backlog.rows[0];
  getMetrics().platformWebhookBacklog.set(row?.events ?? 0);
  getMetrics().platformWebhookOldest.set(Math.max(row?.oldest_seconds ?? 0, 0));
  return delivered;
}
