import "server-only";
import { Counter, Histogram } from "prom-client";
import { getMetrics } from "@/lib/observability/metrics";

// Payment metrics, registered into the one registry that /api/metrics exposes. Labels are bounded:
// event types we act on keep their name, every other type is counted as "other".
const HANDLED_TYPES = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
  "payment_intent.succeeded",
]);

type PaymentMetrics = ReturnType<typeof createPaymentMetrics>;
const globalForPayments = globalThis as unknown as { paymentMetrics?: PaymentMetrics };

function createPaymentMetrics() {
  const registers = [getMetrics().registry];
  return {
    topUps: new Counter({
      name: "top_ups_total",
      help: "Checkout top-ups by outcome: credited (posted once), processing (delayed method), failed.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    topUpMicros: new Counter({
      name: "top_up_amount_micros_total",
      help: "Micro-dollars credited by Checkout top-ups (each top-up counted once).",
      registers,
    }),
    checkoutSessions: new Counter({
      name: "checkout_sessions_created_total",
      help: "Checkout sessions requested from Stripe, by outcome (created, failed).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookEvents: new Counter({
      name: "stripe_webhook_events_total",
      help: "Stripe webhook deliveries by event type and outcome (processed, duplicate, ignored, failed, rejected).",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    webhookLag: new Histogram({
      name: "stripe_webhook_lag_seconds",
      help: "Time from a Stripe event's creation to its processing here, by event type.",
      labelNames: ["type"] as const,
      buckets: [0.1, 0.5, 1, 2.5, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    paymentFailures: new Counter({
      name: "payment_failures_total",
      help: "Payment operations that failed, by stage (checkout, fulfil, webhook) and error code.",
      labelNames: ["stage", "code"] as const,
      registers,
    }),
    reversals: new Counter({
      name: "payment_reversals_total",
      help: "Credit reversed or reinstated after a top-up, by kind (refund, dispute, dispute_won).",
      labelNames: ["kind"] as const,
      registers,
    }),
    autoRecharges: new Counter({
      name: "auto_recharges_total",
      help: "Auto-recharge outcomes: succeeded, card_declined, authentication_required, no_card, retry, skipped_<reason>.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    reconcileRuns: new Counter({
      name: "payment_reconcile_runs_total",
      help: "Reconciliation runs against Stripe, by outcome (ok, drift, failed).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    reconcileFindings: new Counter({
      name: "payment_reconcile_findings_total",
      help: "What reconciliation found: repaired (a missed fulfilment credited now) or drift kinds (a system problem).",
      labelNames: ["kind"] as const,
      registers,
    }),
  };
}

export function getPaymentMetrics(): PaymentMetrics {
  globalForPayments.paymentMetrics ??= createPaymentMetrics();
  return globalForPayments.paymentMetrics;
}

export function eventTypeLabel(type: string): string {
  return HANDLED_TYPES.has(type) ? type : "other";
}
