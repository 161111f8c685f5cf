// A Stripe emulator of this test file's own (webhook modes and faults are global to an emulator, so
// files running in parallel must not share one), a local receiver that hands each delivery to the real
// webhook route handler, and factories for users and paid top-ups.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startStripeEmulator } from "@/emulators/stripe";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DEMO_STRIPE_SECRET_KEY, DEMO_STRIPE_WEBHOOK_SECRET } from "@/lib/env";
import { TEST_BILLING_DETAILS } from "./billing-address";
import { EVENTUALLY } from "./eventually";

export type WebhookHandler = (request: Request) => Promise<Response>;
export type Delivery = { status: number; body: string };
export type TestUser = { userId: string; accountId: string; email: string };

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function webhookRequest(payload: string, signature: string | undefined): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== undefined) headers.set("stripe-signature", signature);
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers, body: payload });
}

/** Must run before anything reads the environment (getEnv() is parsed once per test file). */
export async function startStripeHarness(loadHandler: () => Promise<WebhookHandler>) {
  const emulator = await startStripeEmulator({ port: 0, webhookUrls: [], retryBaseMs: 20, retryMaxMs: 200, log: () => {} });
  process.env.STRIPE_API_URL = emulator.url;
  process.env.STRIPE_SECRET_KEY = DEMO_STRIPE_SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = DEMO_STRIPE_WEBHOOK_SECRET;
  const deliveries: Delivery[] = [];
  let handler: WebhookHandler | undefined;
  const receiver = createServer((req, res) => {
    void (async () => {
      const raw = await readRaw(req);
      handler ??= await loadHandler();
      const response = await handler(webhookRequest(raw, req.headers["stripe-signature"] as string | undefined));
      const body = await response.text();
      deliveries.push({ status: response.status, body });
      res.writeHead(response.status, { "content-type": "application/json" }).end(body);
    })().catch(() => res.writeHead(500).end('{"error":"receiver"}'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/stripe/webhook`;

  const stripe = new Stripe(DEMO_STRIPE_SECRET_KEY, {
    host: "127.0.0.1",
    port: emulator.port,
    protocol: "http",
    telemetry: false,
    maxNetworkRetries: 0,
  });

  async function control<T = Record<string, unknown>>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulator.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  await control("POST", "/webhooks", { mode: "normal", urls: [receiverUrl] });

  return {
    emulator,
    stripe,
    deliveries,
    control,
    /** A signature for a payload, as Stripe computes it, so tests can call the route directly. */
    sign: (payload: string) => stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_STRIPE_WEBHOOK_SECRET }),
    /** Forgets the loaded route module: the next delivery loads it afresh (a process restart's view). */
    reloadHandler: () => {
      handler = undefined;
    },
    setHandler: (next: WebhookHandler) => {
      handler = next;
    },
    async close() {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await emulator.close();
    },
  };
}

export type StripeHarness = Awaited<ReturnType<typeof startStripeHarness>>;

type HarnessOptions = {
  /** "drop": the emulator delivers no webhook unless a test turns them on, so the code under test must do the work itself. */
  webhooks?: "deliver" | "drop";
  /** STRIPE_AUTOMATIC_TAX for this file (the environment is parsed once per file): on, off, or left as it is. */
  automaticTax?: boolean;
};

/**
 * This test file's own Stripe harness, delivering webhooks to the real route: started before the file's
 * tests, the emulator's injected faults cleared after each test, and at the end webhooks stopped (no
 * late event after the pool ends), the harness closed and the database pool with it. The object is
 * returned at once and filled in before the first test, so a file keeps it in a const.
 */
export function runStripeHarnessInThisFile(options: HarnessOptions = {}): StripeHarness {
  const harness = {} as StripeHarness;
  beforeAll(async () => {
    if (options.automaticTax === true) process.env.STRIPE_AUTOMATIC_TAX = "1";
    if (options.automaticTax === false) delete process.env.STRIPE_AUTOMATIC_TAX;
    Object.assign(harness, await startStripeHarness(async () => (await import("@/app/api/stripe/webhook/route")).POST));
    if (options.webhooks === "drop") await harness.control("POST", "/webhooks", { mode: "drop" });
  });
  afterEach(async () => {
    await harness.control("DELETE", "/faults");
  });
  afterAll(async () => {
    await harness.control("POST", "/webhooks", { mode: "drop" });
    if (options.automaticTax !== undefined) delete process.env.STRIPE_AUTOMATIC_TAX;
    await harness.close();
    await closeDb();
  });
  return harness;
}

/** A signed-up user with a billing account and its $5 welcome credit. */
export async function createPayingUser(): Promise<TestUser> {
  const email = `payer-${randomUUID()}@example.test`;
  return runTransaction(getDb(), async (tx) => {
    const inserted = await tx.execute<{ id: string }>(sql`insert into "user" (id, email) values (${randomUUID()}, ${email}) returning id`);
    const userId = inserted.rows[0]!.id;
    return { userId, email, accountId: await createBillingAccount(tx, { userId }) };
  });
}

export function sessionIdFromUrl(url: string): string {
  const id = new URL(url).pathname.split("/").pop();
  if (!id?.startsWith("cs_")) throw new Error(`no session id in ${url}`);
  return id;
}

export async function balanceOf(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ balance: string }>(
    sql`select balance_micros::text as balance from ledger_accounts where billing_account_id = ${accountId}`,
  );
  return BigInt(rows.rows[0]!.balance);
}

export async function transfersOf(accountId: string): Promise<Array<{ kind: string; key: string; micros: bigint }>> {
  const rows = await getDb().execute<{ kind: string; idempotency_key: string; amount_micros: string }>(sql`
    select t.kind, t.idempotency_key, t.amount_micros::text from transfers t
    join ledger_accounts l on l.id in (t.from_account_id, t.to_account_id)
    where l.billing_account_id = ${accountId} and t.kind <> 'grant' order by t.id`);
  return rows.rows.map((row) => ({ kind: row.kind, key: row.idempotency_key, micros: BigInt(row.amount_micros) }));
}

export async function mailSubjectsTo(address: string): Promise<string[]> {
  const emails = (await (await fetch(`${process.env.MAIL_API_URL}/api/email`)).json()) as Array<{ subject: string; to: Array<{ address: string }> }>;
  return emails.filter((email) => email.to.some((to) => to.address === address)).map((email) => email.subject);
}

export const WELCOME_MICROS = 5_000_000n;

/** Starts a Checkout top-up through the app's own function; answers the session id. */
export async function startTopUp(user: TestUser, amountCents: number): Promise<string> {
  const { createTopUpCheckout } = await import("@/lib/payments/create-top-up-checkout");
  const url = await createTopUpCheckout(getDb(), { userId: user.userId, amountCents, attemptId: randomUUID() });
  return sessionIdFromUrl(url);
}

/** What a person does on the hosted page, through the emulator's control. */
export async function payTopUp(harness: StripeHarness, sessionId: string, card = "4242424242424242"): Promise<void> {
  await harness.control("POST", `/checkout/sessions/${sessionId}/complete`, { card, ...TEST_BILLING_DETAILS });
}

export async function chargeOf(harness: StripeHarness, sessionId: string): Promise<string> {
  const session = await harness.stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
  const intent = session.payment_intent as Stripe.PaymentIntent;
  return typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge!.id;
}

export async function eventFor(harness: StripeHarness, type: string, objectId: string): Promise<Stripe.Event> {
  const events = await harness.stripe.events.list({ type, limit: 100 });
  const event = events.data.find((candidate) => (candidate.data.object as { id?: string }).id === objectId);
  if (!event) throw new Error(`no ${type} event for ${objectId}`);
  return event;
}

/** Waits until the site has processed an event of this type about this object. */
export async function waitForProcessedEvent(type: string, objectId: string): Promise<void> {
  const { vi, expect } = await import("vitest");
  await vi.waitFor(
    async () => {
      const rows = await getDb().execute<{ n: number }>(sql`
        select count(*)::int as n from stripe_events where type = ${type} and object_id = ${objectId} and processed_at is not null`);
      expect(rows.rows[0]!.n).toBe(1);
    },
    EVENTUALLY,
  );
}

/** Saves a card for the user through Checkout in setup mode (the emulator's hosted page, by control). */
export async function saveCard(harness: StripeHarness, user: TestUser, card = "4242424242424242"): Promise<void> {
  const { createCardSetupCheckout, completeCardSetup } = await import("@/lib/payments/saved-card");
  const url = await createCardSetupCheckout(getDb(), { userId: user.userId, attemptId: randomUUID() });
  const sessionId = sessionIdFromUrl(url);
  await harness.control("POST", `/checkout/sessions/${sessionId}/complete`, { card });
  await completeCardSetup(getDb(), sessionId, user.accountId);
}

export async function customerOf(accountId: string): Promise<string> {
  const rows = await getDb().execute<{ id: string }>(sql`select stripe_customer_id as id from stripe_customers where billing_account_id = ${accountId}`);
  return rows.rows[0]!.id;
}
