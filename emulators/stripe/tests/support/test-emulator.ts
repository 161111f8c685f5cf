import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startStripeEmulator, type StripeEmulatorOptions } from "../../index";

export const API_KEY = "sk_test_emulator";
export const WEBHOOK_SECRET = "whsec_emulator";

export function createStripeClient(port: number, config: Partial<Stripe.StripeConfig> = {}, apiKey = API_KEY): Stripe {
  return new Stripe(apiKey, {
    host: "127.0.0.1",
    port,
    protocol: "http",
    telemetry: false,
    maxNetworkRetries: 0,
    ...config,
  });
}

export type ControlAnswer<T> = { status: number; body: T };

// Calls a /_emulator control; every answer is JSON.
export async function callControl<T = Record<string, unknown>>(
  baseUrl: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<ControlAnswer<T>> {
  const response = await fetch(`${baseUrl}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function startTestEmulator(options: StripeEmulatorOptions = {}) {
  const emulator = await startStripeEmulator({ port: 0, retryBaseMs: 20, ...options });
  const stripe = createStripeClient(emulator.port);
  return {
    emulator,
    stripe,
    url: emulator.url,
    control: <T = Record<string, unknown>>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
      callControl<T>(emulator.url, method, path, body),
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/**
 * One emulator for a test file, reset before each test. The returned object is filled in beforeAll,
 * so tests read it only inside hooks and tests.
 */
export function setUpTestEmulator(options: StripeEmulatorOptions | (() => StripeEmulatorOptions) = {}): TestEmulator {
  const holder = {} as TestEmulator;
  beforeAll(async () => {
    Object.assign(holder, await startTestEmulator(typeof options === "function" ? options() : options));
  });
  afterAll(async () => {
    await holder.emulator.close();
  });
  beforeEach(async () => {
    await holder.control("POST", "/reset");
  });
  return holder;
}

// Polls instead of sleeping, so tests wait only as long as delivery takes.
export async function waitFor<T>(
  read: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 3000);
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
  }
}

export async function expectRejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("expected the Stripe call to fail");
}

export async function createPaymentSession(stripe: Stripe, params: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 2500, product_data: { name: "Credits" } } },
    ],
    success_url: "http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/billing",
    ...params,
  });
}
