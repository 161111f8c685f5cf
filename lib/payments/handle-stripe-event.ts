import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { stripeEvents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { applyChargeRefunds } from "./apply-charge-refunds";
import { applyDispute } from "./apply-dispute";
import { fulfillAutoRecharge } from "./fulfill-auto-recharge";
import { fulfillCheckout } from "./fulfill-checkout";
import { eventTypeLabel, getPaymentMetrics } from "./payment-metrics";
import { completeCardSetup } from "./saved-card";

export type EventOutcome = "processed" | "duplicate" | "ignored";
export type EventResult = { outcome: EventOutcome; accountId: string | null };

type Effect = { accountId: string | null; note: string };

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: unknown };
  return typeof object.id === "string" ? object.id : null;
}

// What each event type we act on does. Every effect re-reads its object from Stripe and is exactly-once
// through its own ledger keys (session, refund, dispute), so any order and any number of deliveries end
// in the same ledger.
async function applyEffect(db: Database, event: Stripe.Event): Promise<Effect | undefined> {
  const objectId = objectIdOf(event);
  if (!objectId) return undefined;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed": {
      // A session's mode never changes, so the payload can be trusted for it; the rest is re-read.
      if (event.data.object.mode === "setup") {
        const setup = await completeCardSetup(db, objectId);
        return { accountId: setup.accountId, note: setup.saved ? "card saved" : "card not saved" };
      }
      const result = await fulfillCheckout(db, objectId);
      if (event.type === "checkout.session.async_payment_failed" && result.status === "failed") {
        getPaymentMetrics().topUps.inc({ outcome: "failed" });
      } else if (event.type === "checkout.session.completed" && result.status === "processing") {
        getPaymentMetrics().topUps.inc({ outcome: "processing" });
      }
      return { accountId: result.accountId, note: result.status };
    }
    case "charge.refunded": {
      const result = await applyChargeRefunds(db, objectId);
      return { accountId: result.accountId, note: `${result.posted} posted` };
    }
    case "charge.dispute.created":
    case "charge.dispute.closed": {
      const result = await applyDispute(db, objectId);
      return { accountId: result.accountId, note: `${result.posted} posted` };
    }
    case "payment_intent.succeeded": {
      const credit = await fulfillAutoRecharge(db, objectId);
      return credit ? { accountId: credit.owner.accountId, note: "auto-recharge credited" } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Handles one verified Stripe event once by id. An event already processed answers `duplicate` without
 * calling Stripe; otherwise its effect runs (idempotent by object) and the event is stored as processed.
 * A payment that is not ours (unknown account) is stored as ignored: a retry cannot change that.
 */
export async function handleStripeEvent(db: Database, event: Stripe.Event): Promise<EventResult> {
  const metrics = getPaymentMetrics();
  const type = eventTypeLabel(event.type);
  const seen = await db
    .select({ outcome: stripeEvents.outcome })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.id, event.id), isNotNull(stripeEvents.processedAt)));
  if (seen.length > 0) {
    metrics.webhookEvents.inc({ type, outcome: "duplicate" });
    return { outcome: "duplicate", accountId: null };
  }
  let effect: Effect | undefined;
  try {
    effect = await applyEffect(db, event);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) {
      metrics.webhookEvents.inc({ type, outcome: "failed" });
      metrics.paymentFailures.inc({ stage: "webhook", code: error instanceof AppError ? error.code : "internal" });
      throw error;
    }
    getLogger().warn({ event: event.id, type: event.type }, "stripe event names a payment that is not ours");
  }
  const outcome: EventOutcome = effect ? "processed" : "ignored";
  await db
    .insert(stripeEvents)
    .values({
      id: event.id,
      type: event.type,
      objectId: objectIdOf(event),
      stripeCreatedAt: sql`to_timestamp(${event.created})`,
      processedAt: sql`now()`,
      outcome: effect?.note ?? outcome,
    })
    .onConflictDoNothing({ target: stripeEvents.id });
  metrics.webhookEvents.inc({ type, outcome });
  metrics.webhookLag.observe({ type }, Math.max(0, Date.now() / 1000 - event.created));
  return { outcome, accountId: effect?.accountId ?? null };
}
