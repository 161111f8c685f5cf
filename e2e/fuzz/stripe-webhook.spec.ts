// Fuzz: POST /api/stripe/webhook. Unsigned, badly signed and stale deliveries are refused; correctly
// signed deliveries of malformed events are refused too (a 4xx, so Stripe stops retrying), and none of
// them is a 5xx or leaves a row. The secret is the emulator's, which the test site runs with.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { expect, test } from "../support/auth-fixture";
import { expectNoServerError, fuzzParameters, hostileJsonValue, hostileString } from "./fuzz-support";

const SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_emulator";
const HANDLED_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
  "payment_intent.succeeded",
  "customer.created",
];

function sign(body: string, timestamp: number, secret = SECRET): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

const eventArbitrary = fc.record(
  {
    id: fc.oneof(fc.uuid().map((id) => `evt_fuzz_${id.replace(/-/g, "")}`), hostileJsonValue),
    object: fc.constantFrom("event", "charge", undefined),
    type: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HANDLED_TYPES) }, { weight: 1, arbitrary: hostileJsonValue }),
    created: fc.oneof(fc.constant(Math.floor(Date.now() / 1000)), hostileJsonValue),
    livemode: fc.boolean(),
    data: fc.oneof(
      fc.record({
        object: fc.oneof(
          fc.record(
            {
              id: fc.oneof(fc.constantFrom("cs_fuzz_missing", "ch_fuzz_missing", "pi_fuzz_missing", "du_fuzz_missing"), hostileJsonValue),
              object: hostileJsonValue,
              mode: fc.constantFrom("payment", "setup", "subscription", 7, null),
              amount: hostileJsonValue,
              metadata: fc.oneof(fc.dictionary(hostileString, hostileString, { maxKeys: 2 }), hostileJsonValue),
            },
            { requiredKeys: [] },
          ),
          hostileJsonValue,
        ),
      }),
      hostileJsonValue,
    ),
  },
  { requiredKeys: [] },
);

test.describe("fuzz: Stripe webhook", () => {
  test.describe.configure({ timeout: 120_000 });

  test("signed malformed events, unsigned and forged deliveries: no 5xx, nothing stored when refused", async ({ request, database }) => {
    const delivery = fc.record({
      event: eventArbitrary,
      signing: fc.constantFrom("valid", "valid", "valid", "none", "wrong-secret", "stale", "future", "garbage"),
      garbage: hostileString,
    });
    await fc.assert(
      fc.asyncProperty(delivery, async ({ event, signing, garbage }) => {
        const body = JSON.stringify(event) ?? "";
        const now = Math.floor(Date.now() / 1000);
        const signature = {
          valid: sign(body, now),
          none: undefined,
          "wrong-secret": sign(body, now, "whsec_not_ours"),
          stale: sign(body, now - 3_600),
          future: sign(body, now + 3_600),
          // A header holds printable ASCII only; anything else never leaves an HTTP client.
          garbage: garbage.replace(/[^\x20-\x7e]/g, ""),
        }[signing];
        const response = await request.post("/api/stripe/webhook", {
          headers: { "content-type": "application/json", ...(signature === undefined ? {} : { "stripe-signature": signature }) },
          data: body,
        });
        await expectNoServerError(response, `webhook (${signing})`, { json: true });
        if (signing !== "valid") expect(response.status(), `a ${signing} signature was accepted`).toBe(400);
        // (An id holding NUL cannot be stored, or even looked up, in Postgres: the refusal is the check.)
        if (response.status() >= 400 && typeof event.id === "string" && !event.id.includes("\u0000")) {
          const stored = await database.query(`select 1 from stripe_events where id = $1`, [event.id]);
          expect(stored.rowCount, "a refused event was stored").toBe(0);
        }
      }),
      fuzzParameters(),
    );
  });

  test("raw bodies that are not JSON or not UTF-8, correctly signed: a 4xx", async ({ request }) => {
    const raw = fc.oneof(
      hostileString.map((text) => Buffer.from(text.toWellFormed(), "utf8")),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc.constant(Buffer.from("[".repeat(10_000))),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (body) => {
        const now = Math.floor(Date.now() / 1000);
        const signature = `t=${now},v1=${createHmac("sha256", SECRET).update(Buffer.concat([Buffer.from(`${now}.`), body])).digest("hex")}`;
        const response = await request.post("/api/stripe/webhook", { headers: { "content-type": "application/json", "stripe-signature": signature }, data: body });
        await expectNoServerError(response, "webhook raw body", { json: true });
      }),
      fuzzParameters(30),
    );
  });
});
