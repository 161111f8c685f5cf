import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import { getChargeOrThrow, getDisputeOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";

const EVIDENCE_WINDOW_SECONDS = 21 * 24 * 60 * 60;

function buildEmptyEvidence(): Stripe.Dispute.Evidence {
  const fields = [
    "access_activity_log",
    "billing_address",
    "cancellation_policy",
    "cancellation_policy_disclosure",
    "cancellation_rebuttal",
    "customer_communication",
    "customer_email_address",
    "customer_name",
    "customer_purchase_ip",
    "customer_signature",
    "duplicate_charge_documentation",
    "duplicate_charge_explanation",
    "duplicate_charge_id",
    "product_description",
    "receipt",
    "refund_policy",
    "refund_policy_disclosure",
    "refund_refusal_explanation",
    "service_date",
    "service_documentation",
    "shipping_address",
    "shipping_carrier",
    "shipping_date",
    "shipping_documentation",
    "shipping_tracking_number",
    "uncategorized_file",
    "uncategorized_text",
  ] as const;
  const empty = Object.fromEntries(fields.map((field) => [field, null])) as Record<(typeof fields)[number], null>;
  return { ...empty, enhanced_evidence: {} };
}

// What a cardholder's bank opening a chargeback looks like: the money leaves at once.
export function openDispute(
  emulator: Emulator,
  chargeId: string,
  input: { amount?: number; reason?: string },
): Stripe.Dispute {
  const charge = getChargeOrThrow(emulator.state, chargeId);
  if (charge.status !== "succeeded")
    throw invalidRequestError(`Charge ${charge.id} has not succeeded, so it cannot be disputed.`);
  if (charge.disputed) throw invalidRequestError(`Charge ${charge.id} is already disputed.`);
  const created = nowSeconds();
  const dispute: Stripe.Dispute = {
    id: createId("dp"),
    object: "dispute",
    amount: input.amount ?? charge.amount - charge.amount_refunded,
    balance_transactions: [],
    charge: charge.id,
    created,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: buildEmptyEvidence(),
    evidence_details: {
      due_by: created + EVIDENCE_WINDOW_SECONDS,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "manual",
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    reason: input.reason ?? "fraudulent",
    status: "needs_response",
  };
  emulator.state.disputes[dispute.id] = dispute;
  charge.disputed = true;
  recordEvent(emulator, "charge.dispute.created", dispute);
  recordEvent(emulator, "charge.dispute.funds_withdrawn", dispute);
  return dispute;
}

export function closeDispute(emulator: Emulator, disputeId: string, status: "won" | "lost"): Stripe.Dispute {
  const dispute = getDisputeOrThrow(emulator.state, disputeId);
  if (dispute.status === "won" || dispute.status === "lost") {
    throw invalidRequestError(`Dispute ${dispute.id} is already closed (${dispute.status}).`);
  }
  const before = structuredClone(dispute);
  dispute.status = status;
  recordEvent(emulator, "charge.dispute.closed", dispute, diffAttributes(before, dispute));
  if (status === "won") recordEvent(emulator, "charge.dispute.funds_reinstated", dispute);
  return dispute;
}
