// The platform's standing-change webhooks (issue 19 part 3) against a real HTTP receiver: recorded with
// the change, signed as documented, retried with backoff, in sequence order per account, each delivered
// once however many workers run. Time is driven with deliverPlatformEvents' `now`, never with sleeps.
import { randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeAccount } from "@/lib/account-controls/freeze-account";
import { accountStandingChangedSchema } from "@/lib/billing/api/openapi-webhooks";
import { getBillingOpenApiDocument } from "@/lib/billing/api/openapi";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getMetrics } from "@/lib/observability/metrics";
import { deliverPlatformEvents } from "@/lib/platform-events/deliver-platform-events";
import { MAX_PLATFORM_WEBHOOK_ATTEMPTS } from "@/lib/platform-events/platform-webhook-retry";
import { recordPlatformEvent } from "@/lib/platform-events/record-platform-event";
import { sweepPlatformEvents } from "@/lib/platform-events/sweep-platform-events";
import { verifyPlatformWebhook } from "@/lib/platform-events/verify-platform-webhook";
import { createTestAccount, hourAgo } from "../support/billing-api";
import { startPlatformWebhookReceiver } from "../support/platform-webhook-receiver";

const SECRET = "pwh_test_secret_0123456789abcdefghijklmnop";
let receiver: Awaited<ReturnType<typeof startPlatformWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startPlatformWebhookReceiver();
  // Before anything reads the environment: getEnv() is parsed once per test file.
  process.env.PLATFORM_WEBHOOK_URL = receiver.url;
  process.env.PLATFORM_WEBHOOK_SECRET = SECRET;
});

afterAll(async () => {
  delete process.env.PLATFORM_WEBHOOK_URL;
  delete process.env.PLATFORM_WEBHOOK_SECRET;
  await receiver.close();
  await closeDb();
});

const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

/** Third-party calls ($0.20 per 1,000) for an account: 30,000 take the $5 grant to -$1 (grace). */
async function spend(accountId: string, calls: bigint) {
  const usage = { ...emptyUsage(), third_party_calls: calls };
  return ingestUsage(getDb(), [{ id: `webhook:${randomUUID()}`, account: accountId, space: "app", hour: new Date(hourAgo(1)), usage }]);
}

async function rowsOf(accountId: string) {
  const rows = await getDb().execute<{ sequence: string; attempts: number; last_error: string | null; is_delivered: boolean }>(sql`
    select sequence::text, attempts, last_error, delivered_at is not null as is_delivered
    from platform_events where account_id = ${accountId} order by sequence`);
  return rows.rows;
}

async function recordEvents(accountId: string, count: number) {
  for (let index = 0; index < count; index++) {
    await runTransaction(getDb(), (tx) =>
      recordPlatformEvent(tx, { accountId, type: "space.standing_changed", data: { space: `space-${index}`, state: "paused", previous_state: "active", reason: "budget" } }),
    );
  }
}

describe("platform webhooks", () => {
  it("delivers a standing change once, signed with the documented scheme, in the documented shape", async () => {
    const { accountId } = await createTestAccount();
    receiver.setResponder(() => 200);
    const result = await spend(accountId, 30_000n);
    expect(result.standingChanges.map((change) => change.to)).toEqual(["grace"]);

    const now = new Date();
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now })).toBe(1);
    const [delivery] = receiver.receivedFor(accountId);
    expect(delivery).toBeDefined();
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["webhook-id"]).toBe(delivery!.event.id);
    expect(delivery!.event.id).toMatch(/^evt_\d+$/);
    // The platform's check, as docs/platform-webhooks.md gives it: raw body, header, secret.
    expect(verifyPlatformWebhook(delivery!.raw, delivery!.headers["webhook-signature"] as string, SECRET, { now })).toBe(true);
    expect(verifyPlatformWebhook(delivery!.raw, delivery!.headers["webhook-signature"] as string, "another secret", { now })).toBe(false);
    expect(accountStandingChangedSchema.parse(delivery!.event)).toMatchObject({
      type: "account.standing_changed",
      account: accountId,
      sequence: 1,
      data: { state: "grace", previous_state: "active", balance_micros: "-1000000" },
    });
    expect(await rowsOf(accountId)).toEqual([{ sequence: "1", attempts: 1, last_error: null, is_delivered: true }]);

    // Delivered is delivered: another run sends nothing.
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now: seconds(now, 3600) })).toBe(0);
    expect(receiver.receivedFor(accountId)).toHaveLength(1);
  });

  it("retries a receiver that fails three times with backoff and delivers on the fourth try", async () => {
    const { accountId } = await createTestAccount();
    await spend(accountId, 30_000n);
    receiver.setResponder((event, received) => (received.filter((d) => d.event.account === event.account).length < 3 ? 500 : 200));
    const start = new Date(Date.now() + 1000);
    const run = (s: number) => deliverPlatformEvents(getDb(), { accountIds: [accountId], now: seconds(start, s) });

    expect(await run(0)).toBe(0);
    // The receiver's answer body is never stored: only its status.
    expect(await rowsOf(accountId)).toEqual([{ sequence: "1", attempts: 1, last_error: "HTTP 500", is_delivered: false }]);
    expect(await run(9)).toBe(0); // within the 10 s backoff: not tried
    expect(receiver.receivedFor(accountId)).toHaveLength(1);
    expect(await run(10)).toBe(0); // second failure; next wait 20 s
    expect(await run(29)).toBe(0);
    expect(await run(30)).toBe(0); // third failure; next wait 40 s
    expect(receiver.receivedFor(accountId)).toHaveLength(3);
    expect(await run(69)).toBe(0);
    expect(await run(70)).toBe(1);

    const deliveries = receiver.receivedFor(accountId);
    expect(deliveries.map((d) => d.status)).toEqual([500, 500, 500, 200]);
    // The same event every time (one id, one body), each try signed at its own time.
    expect(new Set(deliveries.map((d) => d.raw)).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.headers["webhook-id"])).size).toBe(1);
    expect(verifyPlatformWebhook(deliveries[3]!.raw, deliveries[3]!.headers["webhook-signature"] as string, SECRET, { now: seconds(start, 70) })).toBe(true);
    expect(await rowsOf(accountId)).toEqual([{ sequence: "1", attempts: 4, last_error: "HTTP 500", is_delivered: true }]);
  });

  it("gives an account's deliveries increasing sequence numbers and never sends one before an earlier one is delivered", async () => {
    const { accountId } = await createTestAccount();
    await spend(accountId, 30_000n); // 1: active → grace
    await spend(accountId, 20_000n); // 2: grace → frozen (the floor, -$5)
    await recordEvents(accountId, 3); // 3, 4, 5
    // The first try of sequence 1 fails: nothing after it may overtake it.
    receiver.setResponder((event, received) => (event.sequence === 1 && !received.some((d) => d.event.account === event.account) ? 500 : 200));
    const start = new Date(Date.now() + 1000);
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now: start })).toBe(0);
    expect(receiver.receivedFor(accountId).map((d) => d.event.sequence)).toEqual([1]);

    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now: seconds(start, 10) })).toBe(5);
    const deliveries = receiver.receivedFor(accountId);
    expect(deliveries.map((d) => d.event.sequence)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(deliveries.slice(0, 3).map((d) => [d.event.type, d.event.data.state])).toEqual([
      ["account.standing_changed", "grace"],
      ["account.standing_changed", "grace"],
      ["account.standing_changed", "frozen"],
    ]);
  });

  it("tells the platform of an operator's freeze too (a change that owes its own email)", async () => {
    const { accountId } = await createTestAccount();
    const operatorId = randomUUID();
    const email = `operator-${operatorId}@example.test`;
    await getDb().execute(sql`insert into "user" (id, email, role) values (${operatorId}, ${email}, 'admin')`);
    const session = { user: { id: operatorId, email, name: null, role: "admin" as const }, expires: new Date(Date.now() + 3_600_000).toISOString() };
    await freezeAccount(getDb(), session, { accountId, reason: "Card testing from this account" });
    receiver.setResponder(() => 200);
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId] })).toBe(1);
    expect(receiver.receivedFor(accountId).map((d) => d.event.data)).toEqual([{ state: "frozen", previous_state: "active", balance_micros: "5000000" }]);
  });

  it("loses nothing to a crash between the commit and the send: the sweep delivers it", async () => {
    const { accountId } = await createTestAccount();
    receiver.setResponder(() => 200);
    // The usage route sends after the commit; a process killed right after the commit never does.
    await spend(accountId, 30_000n);
    expect(await rowsOf(accountId)).toEqual([{ sequence: "1", attempts: 0, last_error: null, is_delivered: false }]);
    expect(await sweepPlatformEvents(getDb(), new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    expect(receiver.receivedFor(accountId).map((d) => d.event.sequence)).toEqual([1]);
    expect((await rowsOf(accountId))[0]?.is_delivered).toBe(true);
  });

  it("records nothing when the change's transaction rolls back, and leaves no gap in the sequence", async () => {
    const { accountId } = await createTestAccount();
    await expect(
      runTransaction(getDb(), async (tx) => {
        await recordPlatformEvent(tx, { accountId, type: "account.standing_changed", data: { state: "frozen", previous_state: "active", balance_micros: "0" } });
        throw new Error("the posting failed");
      }),
    ).rejects.toThrow("the posting failed");
    expect(await rowsOf(accountId)).toEqual([]);
    await recordEvents(accountId, 1);
    expect((await rowsOf(accountId)).map((row) => row.sequence)).toEqual(["1"]);
  });

  it("delivers each event once, in order per account, when several delivery runs race", async () => {
    const accounts = await Promise.all([1, 2, 3].map(() => createTestAccount()));
    const accountIds = accounts.map((account) => account.accountId);
    for (const accountId of accountIds) await recordEvents(accountId, 4);
    // A slow platform, so the runs overlap while each holds its rows.
    receiver.setResponder(() => new Promise((resolve) => setTimeout(() => resolve(200), 30)));
    const now = new Date(Date.now() + 1000);
    const runs = await Promise.all([1, 2, 3, 4].map(() => deliverPlatformEvents(getDb(), { accountIds, now })));
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(12);
    for (const accountId of accountIds) {
      const deliveries = receiver.receivedFor(accountId);
      expect(deliveries.map((d) => d.event.sequence)).toEqual([1, 2, 3, 4]);
      expect(new Set(deliveries.map((d) => d.event.id)).size).toBe(4);
    }
  });

  it("gives an event up after its last try (counted, redacted) and lets the account's next events through", async () => {
    const { accountId } = await createTestAccount();
    await recordEvents(accountId, 2);
    await getDb().execute(sql`update platform_events set attempts = ${MAX_PLATFORM_WEBHOOK_ATTEMPTS - 1} where account_id = ${accountId} and sequence = 1`);
    receiver.setResponder((event) => (event.sequence === 1 ? "drop" : 200));
    const givenUp = async () => (await getMetrics().platformWebhooksGivenUp.get()).values[0]?.value ?? 0;
    const before = await givenUp();
    const now = new Date(Date.now() + 1000);
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now })).toBe(1);
    expect(await givenUp()).toBe(before + 1);
    const rows = await rowsOf(accountId);
    expect(rows.map((row) => [row.sequence, row.attempts, row.is_delivered])).toEqual([
      ["1", MAX_PLATFORM_WEBHOOK_ATTEMPTS, false],
      ["2", 1, true],
    ]);
    // A cut connection is stored as its class, never as a message that could name the URL.
    expect(rows[0]?.last_error).toMatch(/^network [A-Za-z_]+$/);
    // Given up means not tried again.
    expect(await deliverPlatformEvents(getDb(), { accountIds: [accountId], now: seconds(now, 86_400) })).toBe(0);
    expect(receiver.receivedFor(accountId).map((d) => d.event.sequence)).toEqual([1, 2]);
  });

  it("measures the backlog the alert watches", async () => {
    const { accountId } = await createTestAccount();
    await recordEvents(accountId, 2);
    receiver.setResponder((event) => (event.account === accountId ? 503 : 200));
    await sweepPlatformEvents(getDb(), new Date(Date.now() + 60_000));
    expect((await getMetrics().platformWebhookBacklog.get()).values[0]?.value).toBeGreaterThanOrEqual(2);
    expect((await getMetrics().platformWebhookOldest.get()).values[0]?.value).toBeGreaterThanOrEqual(59);
    // Settle it, so the sweep of a later test has nothing of this one's left.
    await getDb().execute(sql`update platform_events set delivered_at = now() where account_id = ${accountId}`);
  });

  it("documents both webhooks in the billing API's OpenAPI 3.1 document", async () => {
    const document = getBillingOpenApiDocument();
    expect(Object.keys(document.webhooks).sort()).toEqual(["account.standing_changed", "space.standing_changed"]);
    expect(document.components.schemas).toHaveProperty("AccountStandingChanged");
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
  });
});
