import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";

// The API version this code is written against; the SDK (23.1.0) pins the same one.
export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

// A person waits on Checkout creation: 8 s per attempt and one retry (same idempotency key, so a retry
// can never create a second object) keeps the worst case under 20 s before they see an error.
const TIMEOUT_MS = 8_000;
const MAX_NETWORK_RETRIES = 1;

type StripeState = { key: string; client: Stripe };
const globalForStripe = globalThis as unknown as { stripeClient?: StripeState };

function createStripe(secretKey: string, apiUrl: string | undefined): Stripe {
  const config: Stripe.StripeConfig = {
    apiVersion: STRIPE_API_VERSION,
    telemetry: false,
    timeout: TIMEOUT_MS,
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    appInfo: { name: "tandem-billing" },
  };
  if (apiUrl) {
    // Demo and tests: the same SDK, pointed at the Stripe emulator.
    const url = new URL(apiUrl);
    const protocol = url.protocol === "https:" ? "https" : "http";
    config.host = url.hostname;
    config.port = url.port === "" ? (protocol === "https" ? 443 : 80) : Number(url.port);
    config.protocol = protocol;
  }
  return new Stripe(secretKey, config);
}

/** The one Stripe client of this process (real Stripe, or the emulator when STRIPE_API_URL is set). */
export function getStripe(): Stripe {
  const { secretKey, apiUrl } = getEnv().stripe;
  const key = `${secretKey}|${apiUrl ?? ""}`;
  if (globalForStripe.stripeClient?.key !== key) {
    globalForStripe.stripeClient = { key, client: createStripe(secretKey, apiUrl) };
  }
  return globalForStripe.stripeClient.client;
}
