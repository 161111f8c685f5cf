import type Stripe from "stripe";
import { signPayload } from "./sign-payload";

export type DeliveryAttempt = {
  eventId: string;
  type: string;
  url: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  error: string | null;
  at: string;
  durationMs: number;
};

export type DeliveryOptions = {
  secret: string;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  timeoutMs: number;
  signal: AbortSignal;
  onAttempt: (attempt: DeliveryAttempt) => void;
};

// Resolves early on abort so a reset or close never leaves a dangling rejection.
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener("abort", finish, { once: true });
  });
}

async function postOnce(url: string, payload: string, options: DeliveryOptions) {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "Stripe-Signature": signPayload(payload, options.secret),
      },
      body: payload,
      redirect: "manual",
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
    await response.arrayBuffer();
    const ok = response.status >= 200 && response.status < 300;
    return {
      status: response.status,
      ok,
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const message = error instanceof Error && error.name === "TimeoutError" ? "timeout" : String(error);
    return { status: null, ok: false, error: message, durationMs: Date.now() - started };
  }
}

// At-least-once delivery to one endpoint: exponential backoff between failed attempts.
// Returns whether the endpoint finally accepted the event.
export async function deliverEvent(event: Stripe.Event, url: string, options: DeliveryOptions): Promise<boolean> {
  const payload = JSON.stringify(event, null, 2);
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    if (options.signal.aborted) return false;
    const outcome = await postOnce(url, payload, options);
    if (options.signal.aborted) return false;
    options.onAttempt({ eventId: event.id, type: event.type, url, attempt, at: new Date().toISOString(), ...outcome });
    if (outcome.ok) return true;
    if (attempt < options.maxAttempts) {
      await sleep(Math.min(options.retryBaseMs * 2 ** (attempt - 1), options.retryMaxMs), options.signal);
    }
  }
  return false;
}
