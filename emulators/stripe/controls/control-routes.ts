// /_emulator/* – test controls (JSON in, JSON out, no auth). Documented in README.md.
import { completeWithCard, completeWithDelayedMethod } from "../checkout/complete-checkout-session";
import { expireCheckoutSession, settleCheckoutSession } from "../checkout/session-lifecycle";
import { cardError, invalidRequestError } from "../core/errors";
import { getEventOrThrow } from "../core/lookup";
import { createEmptyState } from "../core/state";
import { toAddress } from "../customers/address";
import { closeDispute, openDispute } from "../disputes/dispute-actions";
import type { Emulator } from "../emulator";
import { parseParams } from "../http/params";
import { createRouter, type PathParams, type Route } from "../http/router";
import { createRefund } from "../refunds/create-refund";
import {
  closeDisputeSchema,
  completeSchema,
  disputeSchema,
  faultSchema,
  refundSchema,
  settleSchema,
  webhookSettingsSchema,
} from "./control-schemas";

export type ControlContext = { body: unknown; pathParams: PathParams; url: URL };
export type ControlHandler = (emulator: Emulator, context: ControlContext) => object | Promise<object>;

const id = (context: ControlContext) => context.pathParams.id ?? "";

export function resetEmulator(emulator: Emulator): void {
  Object.assign(emulator.state, createEmptyState());
  emulator.webhooks.reset();
  emulator.faults.clear();
  emulator.markChanged();
}

const completeSession: ControlHandler = (emulator, context) => {
  const body = parseParams(completeSchema, context.body);
  const payer = {
    email: body.email ?? null,
    name: body.name ?? null,
    address: body.address ? toAddress(body.address) : null,
    taxId: body.tax_id ?? null,
    businessName: body.business_name ?? null,
  };
  if (body.method === "delayed") {
    const result = completeWithDelayedMethod(emulator, id(context), payer);
    return result.status === "complete" ? { session: result.session, redirect_url: result.redirectUrl } : result;
  }
  if (!body.card)
    throw invalidRequestError("Missing required param: card.", { param: "card", code: "parameter_missing" });
  const isAuthenticated = body.authenticate ?? true;
  const result = completeWithCard(emulator, id(context), {
    ...payer,
    cardNumber: body.card,
    expMonth: body.exp_month ?? 12,
    expYear: body.exp_year ?? new Date().getFullYear() + 5,
    isAuthenticated,
  });
  if (result.status === "requires_authentication") {
    throw cardError({
      code: "payment_intent_authentication_failure",
      message:
        "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    });
  }
  return { session: result.session, redirect_url: result.redirectUrl };
};

const routes: Array<Route<ControlHandler>> = [
  { method: "POST", pattern: "/_emulator/reset", handler: (emulator) => (resetEmulator(emulator), { ok: true }) },
  { method: "GET", pattern: "/_emulator/state", handler: (emulator) => emulator.state },
  {
    method: "GET",
    pattern: "/_emulator/deliveries",
    handler: (emulator, { url }) => {
      const eventId = url.searchParams.get("event");
      const attempts = emulator.webhooks.listAttempts();
      return { data: eventId ? attempts.filter((attempt) => attempt.eventId === eventId) : attempts };
    },
  },
  { method: "POST", pattern: "/_emulator/checkout/sessions/:id/complete", handler: completeSession },
  {
    method: "POST",
    pattern: "/_emulator/checkout/sessions/:id/settle",
    handler: (emulator, context) =>
      settleCheckoutSession(emulator, id(context), parseParams(settleSchema, context.body).outcome === "succeeded"),
  },
  {
    method: "POST",
    pattern: "/_emulator/checkout/sessions/:id/expire",
    handler: (emulator, context) => expireCheckoutSession(emulator, id(context)),
  },
  {
    method: "POST",
    pattern: "/_emulator/events/:id/resend",
    handler: async (emulator, context) => {
      await emulator.webhooks.resend(getEventOrThrow(emulator.state, id(context)));
      return { ok: true };
    },
  },
  { method: "GET", pattern: "/_emulator/webhooks", handler: (emulator) => emulator.webhooks.describe() },
  {
    method: "POST",
    pattern: "/_emulator/webhooks",
    handler: (emulator, { body }) => emulator.webhooks.configure(parseParams(webhookSettingsSchema, body)),
  },
  {
    method: "POST",
    pattern: "/_emulator/webhooks/flush",
    handler: async (emulator) => ({ delivered: await emulator.webhooks.flush() }),
  },
  {
    method: "POST",
    pattern: "/_emulator/charges/:id/dispute",
    handler: (emulator, context) => openDispute(emulator, id(context), parseParams(disputeSchema, context.body)),
  },
  {
    method: "POST",
    pattern: "/_emulator/disputes/:id/close",
    handler: (emulator, context) =>
      closeDispute(emulator, id(context), parseParams(closeDisputeSchema, context.body).status),
  },
  {
    method: "POST",
    pattern: "/_emulator/charges/:id/refund",
    handler: (emulator, context) =>
      createRefund(emulator, { chargeId: id(context), ...parseParams(refundSchema, context.body) }),
  },
  { method: "GET", pattern: "/_emulator/faults", handler: (emulator) => ({ data: emulator.faults.list() }) },
  {
    method: "POST",
    pattern: "/_emulator/faults",
    handler: (emulator, { body }) => {
      const fault = parseParams(faultSchema, body);
      emulator.faults.add({ ...fault, count: fault.count ?? 1, after: fault.after ?? false });
      return { data: emulator.faults.list() };
    },
  },
  { method: "DELETE", pattern: "/_emulator/faults", handler: (emulator) => (emulator.faults.clear(), { data: [] }) },
];

export const matchControlRoute = createRouter(routes);
