import "server-only";
import { PLATFORM_WEBHOOK_TIMEOUT_MS } from "./platform-webhook-retry";
import { signPlatformWebhook } from "./sign-platform-webhook";

export type PlatformWebhookTarget = { url: string; secret: string };

/** `ok`, or why not in a form safe to store and log: the status code or the error's class, never a body. */
export type PlatformWebhookOutcome = { isDelivered: true } | { isDelivered: false; error: string };

/** The error's class only: a fetch failure's message can name the URL (and a URL can hold credentials). */
function errorClassOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timeout";
    const cause = error.cause as { code?: unknown } | undefined;
    if (typeof cause?.code === "string" && /^[A-Z_]+$/.test(cause.code)) return `network ${cause.code}`;
    return `network ${error.name}`;
  }
  return "network error";
}

/**
 * Sends one event's stored body, signed now, to the platform and says whether it took it: any 2xx
 * within the timeout. Redirects are not followed (a 3xx is a failure the operator fixes in the URL), so
 * a signed body never goes to a host the configuration did not name.
 */
export async function postPlatformWebhook(target: PlatformWebhookTarget, event: { id: string; body: string }, now: Date): Promise<PlatformWebhookOutcome> {
  try {
    const response = await fetch(target.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(PLATFORM_WEBHOOK_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "webhook-id": event.id,
        "webhook-signature": signPlatformWebhook(event.body, target.secret, now),
        "user-agent": "Tandem-Webhooks/1",
      },
      body: event.body,
    });
    // The answer's body is never read (nor stored): the status says it all, and a huge body costs nothing.
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { isDelivered: true };
    return { isDelivered: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { isDelivered: false, error: errorClassOf(error) };
  }
}
