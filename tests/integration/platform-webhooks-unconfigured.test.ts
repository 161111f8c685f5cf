// Without PLATFORM_WEBHOOK_URL no platform event is recorded at all (lib/platform-events): a standing
// change commits as before, no outbox row grows for a receiver that does not exist, and the account's
// sequence stays where it was (it starts once the webhook is configured).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { deliverPlatformEvents } from "@/lib/platform-events/deliver-platform-events";
import { recordPlatformEvent } from "@/lib/platform-events/record-platform-event";
import { createTestAccount, hourAgo } from "../support/billing-api";

beforeAll(() => {
  delete process.env.PLATFORM_WEBHOOK_URL;
  delete process.env.PLATFORM_WEBHOOK_SECRET;
});

afterAll(closeDb);

describe("platform webhooks, not configured", () => {
  it("records no event for a standing change and sends nothing", async () => {
    const { accountId } = await createTestAccount();
    const usage = { ...emptyUsage(), third_party_calls: 30_000n };
    const result = await ingestUsage(getDb(), [{ id: `unconfigured:${randomUUID()}`, account: accountId, space: "app", hour: new Date(hourAgo(1)), usage }]);
    expect(result.standingChanges.map((change) => change.to)).toEqual(["grace"]);
    const direct = await runTransaction(getDb(), (tx) =>
      recordPlatformEvent(tx, { accountId, type: "account.standing_changed", data: { state: "grace", previous_state: "active", balance_micros: "0" } }),
    );
    expect(direct).toBeNull();
    const rows = await getDb().execute<{ events: number; sequence: string }>(sql`
      select (select count(*)::int from platform_events where account_id = ${accountId}) as events, event_sequence::text as sequence
      from billing_accounts where id = ${accountId}`);
    expect(rows.rows[0]).toEqual({ events: 0, sequence: "0" });
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId] })).toBe(0);
  });
});
