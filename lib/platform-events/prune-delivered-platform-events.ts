import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * How long a delivered platform event is kept: long enough for an operator to answer "did the platform
 * get that pause?" about last quarter. Order does not need them: an account's next sequence is its own
 * counter (billing_accounts.event_sequence), and delivery looks only at undelivered events.
 */
export const DELIVERED_PLATFORM_EVENT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** Deletes events delivered before `before`. Undelivered ones, given up on or not, are owed and stay. */
export async function pruneDeliveredPlatformEvents(db: Database, before: Date): Promise<number> {
  const deleted = await db.execute(
    sql`delete from platform_events where delivered_at is not null and delivered_at < ${before.toISOString()}::timestamptz`,
  );
  return deleted.rowCount ?? 0;
}
