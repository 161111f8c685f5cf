import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/** The webhooks the platform receives (documented as `webhooks` in the billing API's OpenAPI document). */
export type PlatformEventType = "account.standing_changed" | "space.standing_changed";

/** What a delivery's body says, byte for byte as stored: the signature covers exactly this JSON. */
export type PlatformEventEnvelope = {
  /** `evt_<id>`: the same event delivered twice has the same id. */
  id: string;
  type: PlatformEventType;
  account: string;
  /** Increases by one with each event of the account: a lower one than already applied is a late delivery. */
  sequence: number;
  created_at: string;
  data: Record<string, unknown>;
};

export type PlatformEventInput = { accountId: string; type: PlatformEventType; data: Record<string, unknown>; now?: Date };

/**
 * Records a webhook owed to the platform inside the caller's transaction (the outbox): it exists exactly
 * when the change it reports commits. The account's next sequence number is taken by updating its row,
 * whose lock orders the account's events; delivery (lib/platform-events) signs and sends it after the
 * commit and retries it until the platform answers 2xx. Returns the event's envelope.
 *
 * Without PLATFORM_WEBHOOK_URL nothing is recorded and it returns null: no outbox grows for a receiver
 * that does not exist, and the ingestion transaction pays nothing (not even the account row's update).
 * So an account's sequence numbers start when the webhook is configured, and changes made while it was
 * not are never sent: the platform reads the standing then (GET /api/billing/v1/accounts/{account}/standing).
 */
export async function recordPlatformEvent(tx: Queryable, input: PlatformEventInput): Promise<PlatformEventEnvelope | null> {
  if (!getEnv().platformWebhook) return null;
  const createdAt = (input.now ?? new Date()).toISOString();
  const result = await tx.execute<{ id: string; sequence: string }>(sql`
    with next as (
      update billing_accounts set event_sequence = event_sequence + 1 where id = ${input.accountId}
      returning event_sequence
    ), event as (
      select nextval(pg_get_serial_sequence('platform_events', 'id')) as id, (select event_sequence from next) as sequence
    )
    insert into platform_events (id, account_id, sequence, type, payload, created_at)
    select event.id, ${input.accountId}, event.sequence, ${input.type},
      jsonb_build_object('id', 'evt_' || event.id, 'type', ${input.type}::text, 'account', ${input.accountId}::text,
        'sequence', event.sequence, 'created_at', ${createdAt}::text, 'data', ${JSON.stringify(input.data)}::jsonb),
      ${createdAt}::timestamptz
    from event
    returning id::text, sequence::text`);
  const row = result.rows[0];
  if (!row) throw new Error(`platform event for unknown account ${input.accountId}`);
  return {
    id: `evt_${row.id}`,
    type: input.type,
    account: input.accountId,
    sequence: Number(row.sequence),
    created_at: createdAt,
    data: input.data,
  };
}
