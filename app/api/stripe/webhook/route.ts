// POST /api/stripe/webhook – Stripe's events: verified over the raw body, handled once by id.
import { jsonResponse } from "@/lib/http/json-response";
import { BODY_LIMITS, readCappedBodyOrThrow } from "@/lib/http/read-capped-body";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { getDb } from "@/lib/db/client";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { withRoute } from "@/lib/http/with-route";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { verifyStripeEventOrThrow } from "@/lib/payments/verify-stripe-event";
import { deliverPlatformEventsNow } from "@/lib/platform-events/deliver-platform-events";

export const dynamic = "force-dynamic";

// A body over 1 MB answers 413 before it is read whole (Stripe's events are a few kB); a bad signature
// answers 400 and a signed event we cannot read 422, before anything is written. Types we do not act
// on answer 200 (`ignored`); a failure a retry can fix (database down, Stripe unreachable) answers 5xx
// so Stripe redelivers, and every answer has a JSON body.
export const POST = withRoute("/api/stripe/webhook", async (request) => {
  // The signature covers these exact bytes: read them before anything could parse and re-serialise.
  const rawBody = await readCappedBodyOrThrow(request, BODY_LIMITS.stripeWebhook);
  const event = verifyStripeEventOrThrow(rawBody, request.headers.get("stripe-signature"));
  const db = getDb();
  const result = await handleStripeEvent(db, event);
  if (result.accountId) {
    const accountIds = [result.accountId];
    runAfterResponse("standing emails", () => notifyStandingChanges(db, { accountIds }));
    runAfterResponse("platform webhooks", () => deliverPlatformEventsNow(db, accountIds));
  }
  return jsonResponse(
    { received: true, event: event.id, outcome: result.outcome },
    { headers: { "cache-control": "no-store" } },
  );
});
