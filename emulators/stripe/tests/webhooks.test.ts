import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStripeEmulator, type DeliveryAttempt } from "../index";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";
import { startTestEmulator, waitFor, type TestEmulator } from "./support/test-emulator";

let t: TestEmulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await startTestEmulator({ webhookUrls: [receiver.url], retryBaseMs: 20 });
});
afterAll(async () => {
  await t.emulator.close();
  await receiver.close();
});
beforeEach(async () => {
  await t.control("POST", "/reset");
  receiver.clear();
});

const deliveries = async () => (await t.control<{ data: DeliveryAttempt[] }>("GET", "/deliveries")).body.data;
const receivedIds = () => receiver.received.map((entry) => entry.event.id);

describe("signed delivery", () => {
  it("delivers every event signed so constructEvent accepts it", async () => {
    const customer = await t.stripe.customers.create({ email: "hook@example.com" }, { idempotencyKey: "hook-1" });
    const entry = await waitFor(() => receiver.received.find((item) => item.event.type === "customer.created"));
    expect(receiver.rejected).toEqual([]);
    expect((entry.event.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(entry.event).toMatchObject({ object: "event", livemode: false, api_version: "2026-10-28.endive" });
    expect(entry.event.request?.idempotency_key).toBe("hook-1");
    const stored = await waitFor(async () => {
      const event = await t.stripe.events.retrieve(entry.event.id);
      return event.pending_webhooks === 0 ? event : null;
    });
    expect(stored.type).toBe("customer.created");
  });

  it("retries with backoff after a 500 until the endpoint answers 200", async () => {
    receiver.respondWith((_event, delivery) => (delivery === 1 ? 500 : 200));
    await t.stripe.customers.create({});
    await waitFor(() => receiver.received.length === 1);
    const attempts = await deliveries();
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.ok])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    const gap = Date.parse(attempts[1]?.at ?? "") - Date.parse(attempts[0]?.at ?? "");
    expect(gap).toBeGreaterThanOrEqual(15);
  });

  it("treats a hanging endpoint as a timeout and retries", async () => {
    // A short attempt timeout only here, so slow machines do not turn other tests' deliveries into retries.
    const impatient = await startTestEmulator({ webhookUrls: [receiver.url], webhookTimeoutMs: 150 });
    try {
      receiver.respondWith((_event, delivery) => (delivery === 1 ? "hang" : 200));
      await impatient.stripe.customers.create({});
      await waitFor(() => receiver.received.length === 1);
      const attempts = (await impatient.control<{ data: DeliveryAttempt[] }>("GET", "/deliveries")).body.data;
      expect(attempts[0]).toMatchObject({ attempt: 1, status: null, error: "timeout" });
      expect(attempts[1]).toMatchObject({ attempt: 2, status: 200 });
    } finally {
      await impatient.emulator.close();
    }
  });

  it("gives up after the configured attempts on connection errors", async () => {
    const lonely = await startStripeEmulator({
      port: 0,
      webhookUrls: ["http://127.0.0.1:9/unreachable"],
      retryBaseMs: 5,
      webhookMaxAttempts: 3,
    });
    try {
      await fetch(`${lonely.url}/v1/customers`, {
        method: "POST",
        headers: { Authorization: "Bearer sk_test_emulator" },
      });
      const attempts = await waitFor(async () => {
        const answer = await fetch(`${lonely.url}/_emulator/deliveries`);
        const { data } = (await answer.json()) as { data: DeliveryAttempt[] };
        return data.length === 3 ? data : null;
      });
      expect(attempts.every((attempt) => attempt.status === null && !attempt.ok)).toBe(true);
    } finally {
      await lonely.close();
    }
  });
});

describe("delivery controls", () => {
  it("duplicates each new event", async () => {
    await t.control("POST", "/webhooks", { mode: "duplicate", copies: 3 });
    const customer = await t.stripe.customers.create({});
    await waitFor(() => receiver.received.length === 3);
    expect(new Set(receivedIds()).size).toBe(1);
    expect((receiver.received[0]?.event.data.object as Stripe.Customer).id).toBe(customer.id);
  });

  it("holds events until flush, then delivers them in order", async () => {
    await t.control("POST", "/webhooks", { mode: "hold" });
    const first = await t.stripe.customers.create({});
    const second = await t.stripe.customers.create({});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toHaveLength(0);
    expect((await t.control("POST", "/webhooks/flush")).body).toEqual({ delivered: 2 });
    await waitFor(() => receiver.received.length === 2);
    expect(receiver.received.map((entry) => (entry.event.data.object as Stripe.Customer).id)).toEqual([
      first.id,
      second.id,
    ]);
  });

  it("reorders held events: flush delivers them newest first", async () => {
    await t.control("POST", "/webhooks", { mode: "reorder" });
    const customers = [
      await t.stripe.customers.create({}),
      await t.stripe.customers.create({}),
      await t.stripe.customers.create({}),
    ];
    await t.control("POST", "/webhooks/flush");
    await waitFor(() => receiver.received.length === 3);
    const order = receiver.received.map((entry) => (entry.event.data.object as Stripe.Customer).id);
    expect(order).toEqual(customers.map((customer) => customer.id).reverse());
  });

  it("drops events (they stay in the events API) and resends on request", async () => {
    await t.control("POST", "/webhooks", { mode: "drop" });
    await t.stripe.customers.create({});
    const [event] = (await t.stripe.events.list({ type: "customer.created" })).data;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toHaveLength(0);
    expect(event?.pending_webhooks).toBe(1);
    await t.control("POST", `/events/${event?.id ?? ""}/resend`);
    await waitFor(() => receiver.received.length === 1);
    expect(receivedIds()).toEqual([event?.id]);
  });

  it("delays deliveries by delayMs", async () => {
    await t.control("POST", "/webhooks", { mode: "normal", delayMs: 150 });
    const started = Date.now();
    await t.stripe.customers.create({});
    await waitFor(() => receiver.received.length === 1);
    expect((receiver.received[0]?.receivedAt ?? 0) - started).toBeGreaterThanOrEqual(140);
  });
});

describe("events API", () => {
  it("lists by type and created with pagination", async () => {
    const since = Math.floor(Date.now() / 1000);
    for (let index = 0; index < 3; index += 1) await t.stripe.customers.create({});
    const page = await t.stripe.events.list({ type: "customer.created", limit: 2, created: { gte: since } });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const next = await t.stripe.events.list({ type: "customer.created", limit: 2, starting_after: page.data[1]?.id });
    expect(next.data).toHaveLength(1);
    expect((await t.stripe.events.list({ type: "customer.*" })).data).toHaveLength(3);
    expect((await t.stripe.events.list({ created: { gt: since + 3600 } })).data).toHaveLength(0);
  });
});
