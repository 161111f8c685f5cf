import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";
import { MAX_PLATFORM_WEBHOOK_ATTEMPTS, nextPlatformWebhookAttempt } from "./platform-webhook-retry";
import { postPlatformWebhook, type PlatformWebhookTarget } from "./post-platform-webhook";

export type DeliverPlatformEventsOptions = {
  /** The clock of this run: which events are due, the signature's timestamp, the next try's time. */
  now?: Date;
  /** At most this many tries in this run (delivered or failed). Default 200. */
  limit?: number;
  /** Only these accounts' events (the ones a request just changed). */
  accountIds?: string[];
};

/** Events sent at once, in one transaction that holds their row locks: each from a different account. */
const BATCH_SIZE = 20;

type DueEvent = { id: string; account_id: string; sequence: string; body: string; attempts: number };

/**
 * The events that may be tried now, locked: undelivered, not given up, due, and each the lowest
 * undelivered sequence of its account still being tried, so an account's events go out in order
 * (an event given up on no longer holds back the ones after it: the platform sees the gap).
 * `skip locked` lets another worker's run take other accounts; the rows it holds are still
 * undelivered to this statement, so their successors wait as well.
 */
function claimDueEvents(now: Date, size: number, accountIds: string[] | undefined) {
  const accounts = accountIds ? JSON.stringify(accountIds) : null;
  return sql`
    select e.id::text, e.account_id, e.sequence::text, e.payload::text as body, e.attempts
    from platform_events e
    where e.delivered_at is null and e.attempts < ${MAX_PLATFORM_WEBHOOK_ATTEMPTS} and e.next_attempt_at <= ${now.toISOString()}::timestamptz
      and (${accounts}::jsonb is null or e.account_id in (select jsonb_array_elements_text(${accounts}::jsonb)))
      and not exists (
        select 1 from platform_events p
        where p.account_id = e.account_id and p.sequence < e.sequence
          and p.delivered_at is null and p.attempts < ${MAX_PLATFORM_WEBHOOK_ATTEMPTS})
    order by e.id
    limit ${size}
    for update of e skip locked`;
}

async function deliverBatch(db: Database, target: PlatformWebhookTarget, now: Date, size: number, accountIds: string[] | undefined) {
  return db.transaction(async (tx) => {
    const due = await tx.execute<DueEvent>(claimDueEvents(now, size, accountIds));
    const outcomes = await Promise.all(due.rows.map((event) => postPlatformWebhook(target, { id: `evt_${event.id}`, body: event.body }, now)));
    let delivered = 0;
    for (const [index, event] of due.rows.entries()) {
      const outcome = outcomes[index]!;
      const attempt = event.attempts + 1;
      if (outcome.isDelivered) {
        delivered++;
        getMetrics().platformWebhookAttempts.inc({ outcome: "delivered" });
        await tx.execute(sql`update platform_events set attempts = ${attempt}, last_attempt_at = ${now.toISOString()}::timestamptz,
          delivered_at = ${now.toISOString()}::timestamptz where id = ${event.id}::bigint`);
        continue;
      }
      getMetrics().platformWebhookAttempts.inc({ outcome: "failed" });
      const context = { platformEvent: `evt_${event.id}`, account: event.account_id, sequence: event.sequence, attempt, error: outcome.error };
      if (attempt >= MAX_PLATFORM_WEBHOOK_ATTEMPTS) {
        getMetrics().platformWebhooksGivenUp.inc();
        getLogger().error(context, "platform webhook failed; giving up");
      } else {
        getLogger().warn(context, "platform webhook failed; will retry");
      }
      await tx.execute(sql`update platform_events set attempts = ${attempt}, last_attempt_at = ${now.toISOString()}::timestamptz,
        last_error = ${outcome.error}, next_attempt_at = ${nextPlatformWebhookAttempt(attempt, now).toISOString()}::timestamptz
        where id = ${event.id}::bigint`);
    }
    return { tried: due.rows.length, delivered };
  });
}

/**
 * Sends the platform the standing changes it is owed (platform_events, recorded with each change by
 * recordPlatformEvent), signed, oldest first and in sequence order per account: right after the commit
 * of a request that recorded some (deliverPlatformEventsNow) and from the sweep (lib/jobs/start-jobs.ts)
 * for whatever a crash or a platform outage left. An event is marked delivered on a 2xx; otherwise it is
 * retried with backoff (platform-webhook-retry.ts) and given up after MAX_PLATFORM_WEBHOOK_ATTEMPTS.
 * Delivery is at least once (a crash after the send and before the commit sends it again): the platform
 * dedupes by `Webhook-Id`. Does nothing when no PLATFORM_WEBHOOK_URL is configured. Returns how many
 * events were delivered.
 */
export async function deliverPlatformEvents(db: Database, options: DeliverPlatformEventsOptions = {}): Promise<number> {
  const target = getEnv().platformWebhook;
  if (!target || options.accountIds?.length === 0) return 0;
  const limit = options.limit ?? 200;
  let tried = 0;
  let delivered = 0;
  // A batch takes at most one event per account; the next batch finds each account's next one.
  while (tried < limit) {
    // The real clock per batch (a long run's signatures stay fresh); a test's fixed `now` for all.
    const now = options.now ?? new Date();
    const batch = await deliverBatch(db, target, now, Math.min(BATCH_SIZE, limit - tried), options.accountIds);
    if (batch.tried === 0) break;
    tried += batch.tried;
    delivered += batch.delivered;
  }
  return delivered;
}

/** Sends just-recorded events after the commit without failing the caller: whatever is left, the sweep sends. */
export async function deliverPlatformEventsNow(db: Database, accountIds: string[]): Promise<void> {
  try {
    await deliverPlatformEvents(db, { accountIds });
  } catch (error) {
    getLogger().error({ err: error, accounts: accountIds }, "platform webhooks could not be sent now; the sweep will retry");
  }
}
