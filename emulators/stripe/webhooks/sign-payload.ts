import { createHmac } from "node:crypto";

// Stripe's scheme: v1 = HMAC-SHA256 over "<timestamp>.<raw body>", keyed with the whole secret
// string (whsec_ prefix included), which is what stripe.webhooks.constructEvent recomputes.
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
