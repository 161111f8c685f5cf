// Deliberately free of `server-only` and of our other modules (node:crypto only): this file is the
// verification a platform engineer copies into the receiving service (docs/platform-webhooks.md), and
// the tests check deliveries with it exactly as the platform would.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a signature's timestamp may be from the receiver's clock by default. */
export const PLATFORM_WEBHOOK_TOLERANCE_SECONDS = 300;

export type VerifyPlatformWebhookOptions = {
  /** How old a signature's timestamp may be, either way, before it is refused (replays). Default 300 s. */
  toleranceSeconds?: number;
  /** The receiver's clock; default the current time. */
  now?: Date;
};

/** The hex HMAC-SHA256 of `<t>.<raw body>`: what `v1` in the `Webhook-Signature` header carries. */
export function platformWebhookDigest(rawBody: string, secret: string, timestampSeconds: number): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${rawBody}`, "utf8").digest("hex");
}

/**
 * Whether a delivery's `Webhook-Signature` header (`t=<unix seconds>,v1=<hex>`, possibly several `v1`
 * during a secret rotation) signs these exact body bytes with `secret`, at a time within the tolerance.
 * Verify the raw body before parsing it: re-serialised JSON does not hash the same.
 */
export function verifyPlatformWebhook(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyPlatformWebhookOptions = {},
): boolean {
  if (!header || !secret) return false;
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamps = parts.filter(([key]) => key === "t").map(([, value]) => value ?? "");
  const signatures = parts.filter(([key]) => key === "v1").map(([, value]) => value ?? "");
  const [timestamp] = timestamps;
  if (timestamps.length !== 1 || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? PLATFORM_WEBHOOK_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(platformWebhookDigest(rawBody, secret, Number(timestamp)), "hex");
  return signatures.some((signature) => {
    if (!/^[0-9a-f]{64}$/.test(signature)) return false;
    // Constant time: a byte-by-byte comparison would tell an attacker how much of a guess was right.
    return timingSafeEqual(Buffer.from(signature, "hex"), expected);
  });
}
