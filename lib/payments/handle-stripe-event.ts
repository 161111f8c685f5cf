import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database, Transaction } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { stripeEventFailures, stripeEvents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { applyChargeRefunds } from "./apply-charge-refunds";
import { applyDispute } from "./apply-dispute";
import { applyCreditNote } from "./apply-credit-note";
import { applyInvoiceEvent } from "./apply-invoice-event";
import { describeFailure, type RecordedFailure } from "./describe-failure";
import { fulfillCheckout } from "./fulfill-checkout";
import { eventTypeLabel, getPaymentMetrics } from "./payment-metrics";
import { completeCardSetup } from "./saved-card";

export type EventOutcome = "applied" | "duplicate" | "ignored";
export type EventResult = { outcome: EventOutcome; accountId: string | null };

/** What handling an event came to, as the caller's hook sees it (in the transaction that records it). */
export type HandledEvent = { outcome: EventOutcome | "failed"; failure?: RecordedFailure };

export type HandleStripeEventOptions = {
  /**
   * Runs in the transaction that records the outcome (the event's row, or its failure), for an operator's
   * replay to write its audit entry with it. An event already handled is recorded nowhere: the hook then
   * runs in a transaction of its own.
   */
  onRecorded?: (tx: Transaction, handled: HandledEvent) => Promise<void>;
};

// `isNew`: the effect posted or changed something, rather than finding it done by another path.
type Effect = { accountId: string | null; note: string; isNew: boolean };

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
        return { accountId: setup.accountId, note: setup.saved ? "card saved" : "card not saved", isNew: true };
      }
      const result = await fulfillCheckout(db, objectId);
      if (event.type === "checkout.session.async_payment_failed" && result.status === "failed") {
        getPaymentMetrics().topUps.inc({ outcome: "failed" });
      } else if (event.type === "checkout.session.completed" && result.status === "processing") {
        getPaymentMetrics().topUps.inc({ outcome: "processing" });
      }
      // A paid session credited before this event (the return page, a sibling event) is a duplicate.
      return { accountId: result.accountId, note: result.status, isNew: result.status !== "paid" || result.isNewCredit };
    }
    case "charge.refunded": {
      const result = await applyChargeRefunds(db, objectId);
      return result.accountId ? { accountId: result.accountId, note: `${result.posted} posted`, isNew: result.posted > 0 } : undefined;
    }
    case "credit_note.created": {
      const result = await applyCreditNote(db, event.data.object);
      return result.accountId ? { accountId: result.accountId, note: `${result.posted} posted`, isNew: result.posted > 0 || (result.notes ?? 0) > 0 } : undefined;
    }
    case "charge.dispute.created":
    case "charge.dispute.closed": {
      const result = await applyDispute(db, objectId);
      return result.accountId ? { accountId: result.accountId, note: `${result.posted} posted`, isNew: result.posted > 0 } : undefined;
    }
    // An auto-recharge is paid through an invoice: its PaymentIntent (no metadata of ours) is ignored.
    case "invoice.paid":
    case "invoice.payment_succeeded":
    case "invoice.finalized":
    case "invoice.updated":
      return applyInvoiceEvent(db, objectId);
    default:
      return undefined;
  }
}

// The effect's own transaction has rolled back: the failure is written on its own, so it outlives that.
// Losing this write (the database is what failed) loses only the record; Stripe still redelivers.
async function recordFailure(db: Database, event: Stripe.Event, failure: RecordedFailure, options: HandleStripeEventOptions): Promise<void> {
  try {
    await runTransaction(db, async (tx) => {
      await tx.insert(stripeEventFailures).values({
        eventId: event.id,
        type: event.type,
        objectId: objectIdOf(event),
        stripeCreatedAt: sql`to_timestamp(${event.created})`,
        errorCode: failure.code,
        errorMessage: failure.message,
      });
      await options.onRecorded?.(tx, { outcome: "failed", failure });
    });
  } catch (error) {
    getLogger().error({ err: error, event: event.id }, "could not record a failed stripe event");
  }
}

/**
 * Handles one Stripe event once by id (a verified delivery, or an operator's replay of one re-read from
 * Stripe). An event already handled answers `duplicate` without calling Stripe; otherwise its effect
 * runs (idempotent by object) and the event is stored as applied, duplicate (the effect found its work
 * done) or ignored (a type we do not act on, a payment that is not ours: a retry cannot change that).
 * A failed effect is recorded as a failure of the event, then rethrown so the webhook answers 5xx.
 */
export async function handleStripeEvent(db: Database, event: Stripe.Event, options: HandleStripeEventOptions = {}): Promise<EventResult> {
  const metrics = getPaymentMetrics();
  const type = eventTypeLabel(event.type);
  const seen = await db
    .select({ outcome: stripeEvents.outcome })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.id, event.id), isNotNull(stripeEvents.processedAt)));
  if (seen.length > 0) {
    metrics.webhookEvents.inc({ type, outcome: "duplicate" });
    if (options.onRecorded) await runTransaction(db, (tx) => options.onRecorded!(tx, { outcome: "duplicate" }));
    return { outcome: "duplicate", accountId: null };
  }
  let effect: Effect | undefined;
  try {
    effect = await applyEffect(db, event);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) {
      metrics.webhookEvents.inc({ type, outcome: "failed" });
      metrics.paymentFailures.inc({ stage: "webhook", code: error instanceof AppError ? error.code : "internal" });
      await recordFailure(db, event, describeFailure(error), options);
      throw error;
    }
    getLogger().warn({ event: event.id, type: event.type }, "stripe event names a payment that is not ours");
  }
  const outcome: EventOutcome = !effect ? "ignored" : effect.isNew ? "applied" : "duplicate";
  await runTransaction(db, async (tx) => {
    await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        objectId: objectIdOf(event),
        stripeCreatedAt: sql`to_timestamp(${event.created})`,
        processedAt: sql`now()`,
        outcome,
        note: effect?.note ?? null,
      })
      .onConflictDoNothing({ target: stripeEvents.id });
    await options.onRecorded?.(tx, { outcome });
  });
  metrics.webhookEvents.inc({ type, outcome });
  metrics.webhookLag.observe({ type }, Math.max(0, Date.now() / 1000 - event.created));
  return { outcome, accountId: effect?.accountId ?? null };
}
