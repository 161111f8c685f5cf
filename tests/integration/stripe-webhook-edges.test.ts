// The webhook's edges: what a stranger (or a broken sender) can put in front of the route before and
// after the signature holds. Every answer is a 4xx in the documented error shape; nothing is stored.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DEMO_STRIPE_WEBHOOK_SECRET } from "@/lib/env";
import { getMetrics } from "@/lib/observability/metrics";
import { webhookRequest, runStripeHarnessInThisFile } from "../support/stripe-harness";

const loadRoute = async () => (await import("@/app/api/stripe/webhook/route")).POST;
const harness = runStripeHarnessInThisFile();

const now = () => Math.floor(Date.now() / 1000);

async function storedEvents(eventId: string): Promise<number> {
  const rows = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from stripe_events where id = ${eventId}`);
  return rows.rows[0]!.n;
}

async function systemErrors(code: string): Promise<number> {
  const metric = await getMetrics().systemErrors.get();
  return metric.values.filter((value) => value.labels.code === code).reduce((sum, value) => sum + value.value, 0);
}

async function deliver(payload: string, signature = harness.sign(payload)): Promise<{ status: number; body: unknown }> {
  const POST = await loadRoute();
  const response = await POST(webhookRequest(payload, signature));
  return { status: response.status, body: (await response.json()) as unknown };
}

let sequence = 0;
const eventId = () => `evt_edge_${Date.now()}_${sequence++}`;

describe("Stripe webhook edges", () => {
  it("refuses a signature timestamped in the future beyond the tolerance", async () => {
    const id = eventId();
    const payload = JSON.stringify({ id, object: "event", type: "customer.created", created: now(), data: { object: { id: "cus_x", object: "customer" } } });
    const future = harness.stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_STRIPE_WEBHOOK_SECRET, timestamp: now() + 301 + 60 });
    const answer = await deliver(payload, future);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: "bad_request" } });
    expect(await storedEvents(id)).toBe(0);
    // A little clock skew is still fine (within the tolerance, either way).
    const nearFuture = harness.stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_STRIPE_WEBHOOK_SECRET, timestamp: now() + 60 });
    expect((await deliver(payload, nearFuture)).status).toBe(200);
  });

  it.each([
    ["no data at all", (id: string) => ({ id, object: "event", type: "checkout.session.completed", created: now() })],
    ["data without an object", (id: string) => ({ id, object: "event", type: "charge.refunded", created: now(), data: {} })],
    ["an object that is not an object", (id: string) => ({ id, object: "event", type: "charge.refunded", created: now(), data: { object: "ch_1" } })],
    ["a non-string object id", (id: string) => ({ id, object: "event", type: "payment_intent.succeeded", created: now(), data: { object: { id: 42, object: "payment_intent" } } })],
    ["a charge where a checkout session belongs", (id: string) => ({ id, object: "event", type: "checkout.session.completed", created: now(), data: { object: { id: "ch_123", object: "charge" } } })],
    ["a checkout session without a mode", (id: string) => ({ id, object: "event", type: "checkout.session.completed", created: now(), data: { object: { id: "cs_123", object: "checkout.session" } } })],
    ["a created time that is not a number", (id: string) => ({ id, object: "event", type: "customer.created", created: "yesterday", data: { object: { id: "cus_1", object: "customer" } } })],
  ])("answers a signed but malformed event (%s) with a 4xx, logged and counted as a system problem", async (_label, build) => {
    const id = eventId();
    const before = await systemErrors("malformed_event");
    const answer = await deliver(JSON.stringify(build(id)));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: "malformed_event", message: expect.any(String) as string } });
    expect(await systemErrors("malformed_event")).toBe(before + 1);
    expect(await storedEvents(id)).toBe(0);
  });

  it("answers an event whose id is not a string with a 4xx", async () => {
    const answer = await deliver(JSON.stringify({ id: { $gt: "" }, object: "event", type: "customer.created", created: now(), data: { object: {} } }));
    expect(answer.status).toBe(422);
  });

  it("still answers 200 for a well-formed event of a type it does not act on, whatever its object holds", async () => {
    const id = eventId();
    const answer = await deliver(JSON.stringify({ id, object: "event", type: "balance.available", created: now(), data: { object: { object: "balance", available: [] } } }));
    expect(answer).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(await storedEvents(id)).toBe(1);
  });

  it("refuses a body over 1 MB by its Content-Length, before reading it", async () => {
    const POST = await loadRoute();
    const request = new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(1024 * 1024 + 1), "stripe-signature": "t=1,v1=x" },
      body: "{}",
    });
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large", details: { max_bytes: 1024 * 1024 } } });
  });

  it("cuts off a streamed body without Content-Length once it passes 1 MB, reading no more", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        // 100 MB if read to the end.
        if (pulled > 1600) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const POST = await loadRoute();
    const request = new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=x" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });
});
