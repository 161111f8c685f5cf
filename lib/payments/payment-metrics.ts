import "server-only";
import { getMetrics } from "@/lib/observability/metrics";
import { metricsIn } from "@/lib/observability/metrics-in";

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
  "invoice.paid",
  "invoice.payment_succeeded",
  "invoice.finalized",
  "invoice.updated",
]);

type PaymentMetrics = ReturnType<typeof createPaymentMetrics>;
const globalForPayments = globalThis as unknown as { paymentMetrics?: PaymentMetrics };

function createPaymentMetrics() {
  const { counter, histogram } = metricsIn(getMetrics().registry);
  return {
    topUps: counter("top_ups_total", "Checkout top-ups by outcome: credited (posted once), processing (delayed method), failed.", ["outcome"]),
    topUpMicros: counter("top_up_amount_micros_total", "Micro-dollars credited by Checkout top-ups (each top-up counted once)."),
    checkoutSessions: counter("checkout_sessions_created_total", "Checkout sessions requested from Stripe, by outcome (created, failed).", ["outcome"]),
    webhookEvents: counter("stripe_webhook_events_total", "Stripe webhook deliveries by event type and outcome (applied, duplicate, ignored, failed, rejected).", ["type", "outcome"]),
    webhookLag: histogram("stripe_webhook_lag_seconds", "Time from a Stripe event's creation to its processing here, by event type.", ["type"], [0.1, 0.5, 1, 2.5, 5, 15, 60, 300, 900, 3600]),
    paymentFailures: counter("payment_failures_total", "Payment operations that failed, by stage (checkout, fulfil, webhook) and error code.", ["stage", "code"]),
    reversals: counter("payment_reversals_total", "Credit reversed or reinstated after a top-up, by kind (refund, dispute, dispute_won).", ["kind"]),
    autoRecharges: counter("auto_recharges_total", "Auto-recharge outcomes: succeeded, card_declined, authentication_required, no_card, retry, skipped_<reason>.", ["outcome"]),
    reconcileRuns: counter("payment_reconcile_runs_total", "Reconciliation runs against Stripe, by outcome (ok, drift, failed).", ["outcome"]),
    reconcileFindings: counter("payment_reconcile_findings_total", "What reconciliation found: repaired (a missed fulfilment credited now) or drift kinds (a system problem).", ["kind"]),
  };
}

export function getPaymentMetrics(): PaymentMetrics {
  globalForPayments.paymentMetrics ??= createPaymentMetrics();
  return globalForPayments.paymentMetrics;
}

export function eventTypeLabel(type: string): string {
  return HANDLED_TYPES.has(type) ? type : "other";
}
