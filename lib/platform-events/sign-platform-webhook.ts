import "server-only";
import { platformWebhookDigest } from "./verify-platform-webhook";

/**
 * The `Webhook-Signature` header of a delivery, like Stripe's: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`. The timestamp is inside the signed text, so an old delivery cannot be replayed with
 * a fresh time, and the receiver refuses one outside its tolerance (verifyPlatformWebhook).
 */
export function signPlatformWebhook(rawBody: string, secret: string, at: Date): string {
  const timestampSeconds = Math.floor(at.getTime() / 1000);
  return `t=${timestampSeconds},v1=${platformWebhookDigest(rawBody, secret, timestampSeconds)}`;
}
