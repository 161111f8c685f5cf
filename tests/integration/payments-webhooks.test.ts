import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  eventFor,
  mailSubjectsTo,
  payTopUp,
  startTopUp,
  transfersOf,
  webhookRequest,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";
import { asOwner } from "../support/as-owner";
import { EVENTUALLY } from "../support/eventually";

const loadRoute = async () => (await import("@/app/api/stripe/webhook/route")).POST;
const harness = runStripeHarnessInThisFile();

async function storedEvents(eventId: string): Promise<number> {
  const rows = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from stripe_events where id = ${eventId}`);
  return rows.rows[0]!.n;
}

async function waitForCredit(accountId: string, micros: bigint): Promise<void> {
  await vi.waitFor(async () => expect(await balanceOf(accountId)).toBe(micros), EVENTUALLY);
}

describe("Stripe webhook", () => {
  it("credits a paid top-up once, delivered by the emulator, with one receipt email", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await waitForCredit(user.accountId, WELCOME_MICROS + 25_000_000n);
    expect(await transfersOf(user.accountId)).toEqual([{ kind: "top_up", key: `checkout:${sessionId}`, micros: 25_000_000n }]);
    await vi.waitFor(async () => expect(await mailSubjectsTo(user.email)).toContain("Receipt: $25.00 added to your Tandem balance"), EVENTUALLY);
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Receipt"))).toHaveLength(1);
  });

  it("credits once when every event is delivered three times at once", async () => {
    await harness.control("POST", "/webhooks", { mode: "duplicate", copies: 3 });
    try {
      const user = await createPayingUser();
      const sessionId = await startTopUp(user, 1000);
      await payTopUp(harness, sessionId);
      await waitForCredit(user.accountId, WELCOME_MICROS + 10_000_000n);
      const event = await eventFor(harness, "checkout.session.completed", sessionId);
      await vi.waitFor(async () => expect(await storedEvents(event.id)).toBe(1), EVENTUALLY);
      const copies = () => harness.deliveries.filter((delivery) => delivery.body.includes(event.id));
      await vi.waitFor(() => expect(copies().length).toBeGreaterThanOrEqual(3), EVENTUALLY);
      expect(copies().every((delivery) => delivery.status === 200)).toBe(true);
      expect(await transfersOf(user.accountId)).toHaveLength(1);
    } finally {
      await harness.control("POST", "/webhooks", { mode: "normal" });
    }
  });

  it("credits once when the same event arrives 20 times in parallel", async () => {
    await harness.control("POST", "/webhooks", { mode: "drop" });
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 5000);
    await payTopUp(harness, sessionId);
    await harness.control("POST", "/webhooks", { mode: "normal" });
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    const payload = JSON.stringify(event);
    const POST = await loadRoute();
    const responses = await Promise.all(Array.from({ length: 20 }, () => POST(webhookRequest(payload, harness.sign(payload)))));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const outcomes = await Promise.all(responses.map(async (response) => ((await response.json()) as { outcome: string }).outcome));
    expect(outcomes.every((outcome) => outcome === "applied" || outcome === "duplicate")).toBe(true);
    expect(outcomes).toContain("applied");
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 50_000_000n);
    expect(await transfersOf(user.accountId)).toHaveLength(1);
    expect(await storedEvents(event.id)).toBe(1);
  });

  it("credits once when the return page races the webhook", async () => {
    const { fulfillCheckout } = await import("@/lib/payments/fulfill-checkout");
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 10_000);
    await payTopUp(harness, sessionId);
    const pages = await Promise.all(Array.from({ length: 5 }, () => fulfillCheckout(getDb(), sessionId)));
    expect(pages.filter((page) => page.isNewCredit).length).toBeLessThanOrEqual(1);
    expect(pages.every((page) => page.status === "paid")).toBe(true);
    await waitForCredit(user.accountId, WELCOME_MICROS + 100_000_000n);
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    await vi.waitFor(async () => expect(await storedEvents(event.id)).toBe(1), EVENTUALLY);
    expect(await transfersOf(user.accountId)).toHaveLength(1);
  });

  it("credits once when an event is redelivered after a restart", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await waitForCredit(user.accountId, WELCOME_MICROS + 25_000_000n);
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    await vi.waitFor(async () => expect(await storedEvents(event.id)).toBe(1), EVENTUALLY);

    // A new process: fresh modules, a new pool, no cached Stripe client or ledger ids.
    await closeDb();
    vi.resetModules();
    harness.reloadHandler();
    const before = harness.deliveries.length;
    await harness.control("POST", `/events/${event.id}/resend`);
    await vi.waitFor(() => expect(harness.deliveries.length).toBeGreaterThan(before), EVENTUALLY);
    expect(JSON.parse(harness.deliveries.at(-1)!.body)).toMatchObject({ event: event.id, outcome: "duplicate" });

    // The crash case: the credit committed but the process died before marking the event processed.
    // (stripe_events is append-only for the site's login: the owner stages the loss.)
    await asOwner(`delete from stripe_events where id = $1`, [event.id]);
    await harness.control("POST", `/events/${event.id}/resend`);
    await vi.waitFor(async () => expect(await storedEvents(event.id)).toBe(1), EVENTUALLY);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    expect(await transfersOf(user.accountId)).toHaveLength(1);
  });

  it("answers 400 and changes nothing for a bad or missing signature", async () => {
    await harness.control("POST", "/webhooks", { mode: "drop" });
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await harness.control("POST", "/webhooks", { mode: "normal" });
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    const payload = JSON.stringify(event);
    const POST = await loadRoute();
    const tampered = payload.replace(sessionId, `${sessionId}x`);
    const attempts = [
      webhookRequest(payload, undefined),
      webhookRequest(payload, "t=1,v1=deadbeef"),
      webhookRequest(tampered, harness.sign(payload)),
      webhookRequest(payload, harness.stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" })),
    ];
    for (const request of attempts) {
      const response = await POST(request);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    }
    expect(await storedEvents(event.id)).toBe(0);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
  });

  it("answers 2xx to event types it does not act on", async () => {
    const payload = JSON.stringify({
      id: `evt_unknown_${Date.now()}`,
      object: "event",
      type: "customer.subscription.created",
      created: Math.floor(Date.now() / 1000),
      api_version: "2026-10-28.endive",
      data: { object: { id: "sub_123", object: "subscription" } },
    });
    const response = await (await loadRoute())(webhookRequest(payload, harness.sign(payload)));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, outcome: "ignored" });
  });

  it("answers 5xx (so Stripe retries) when Stripe cannot be reached, and credits on the retry", async () => {
    await harness.control("POST", "/webhooks", { mode: "drop" });
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await harness.control("POST", "/webhooks", { mode: "normal" });
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    const payload = JSON.stringify(event);
    const POST = await loadRoute();
    await harness.control("POST", "/faults", { method: "GET", path: `/v1/checkout/sessions/${sessionId}`, kind: "500", count: 4 });
    const failed = await POST(webhookRequest(payload, harness.sign(payload)));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ error: { code: "dependency_failed" } });
    expect(await storedEvents(event.id)).toBe(0);
    await harness.control("DELETE", "/faults");
    const retried = await POST(webhookRequest(payload, harness.sign(payload)));
    expect(retried.status).toBe(200);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
  });

  it("counts top-ups and webhook events on /api/metrics", async () => {
    const { getMetrics } = await import("@/lib/observability/metrics");
    const text = await getMetrics().registry.metrics();
    expect(text).toMatch(/top_ups_total\{outcome="credited"\} [1-9]/);
    expect(text).toMatch(/top_up_amount_micros_total [1-9]/);
    expect(text).toMatch(/stripe_webhook_events_total\{type="checkout.session.completed",outcome="duplicate"\} [1-9]/);
    expect(text).toContain("stripe_webhook_lag_seconds_bucket");
  });
});
