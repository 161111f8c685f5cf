// GET /p/session/:id and its forms – the hosted customer portal (cards and receipts).
import type Stripe from "stripe";
import { buildCardPaymentMethod } from "../cards/build-payment-method";
import {
  detachPaymentMethod,
  saveCardForCustomer,
  setDefaultPaymentMethod,
  storePaymentMethod,
} from "../cards/payment-method-actions";
import { findTestCardOrThrow } from "../cards/test-cards";
import { EmulatorError } from "../core/errors";
import { listNewestFirst } from "../core/list";
import type { Emulator } from "../emulator";
import { sendHtml, sendRedirect } from "../http/send";
import { renderMessagePage } from "./html";
import { parseExpiry, readForm, type PageContext, type PageHandler } from "./page-types";
import { renderPortalPage } from "./portal-page";

type PortalAction = (emulator: Emulator, customer: Stripe.Customer, form: Record<string, string>) => string;

function findPortal(emulator: Emulator, id: string) {
  const session = Object.hasOwn(emulator.state.portalSessions, id) ? emulator.state.portalSessions[id] : undefined;
  const customer = session ? emulator.state.customers[session.customer] : undefined;
  return session && customer ? { session, customer } : undefined;
}

function renderPortal(
  emulator: Emulator,
  session: Stripe.BillingPortal.Session,
  customer: Stripe.Customer,
  messages: { notice?: string; error?: string },
): string {
  const cards = listNewestFirst(emulator.state.paymentMethods).filter(
    (method) => method.customer === customer.id && method.type === "card",
  );
  const charges = listNewestFirst(emulator.state.charges).filter((charge) => charge.customer === customer.id);
  return renderPortalPage({ session, customer, cards, charges, ...messages });
}

export const showPortalPage: PageHandler = (emulator, { res, url, pathParams }) => {
  const portal = findPortal(emulator, pathParams.id ?? "");
  if (!portal) return sendHtml(res, 404, renderMessagePage("Page not found", "This billing link is not valid."));
  sendHtml(
    res,
    200,
    renderPortal(emulator, portal.session, portal.customer, { notice: url.searchParams.get("notice") ?? undefined }),
  );
};

// Adding a card in the portal runs the same $0 check as a setup: declines are refused.
const addCard: PortalAction = (emulator, customer, form) => {
  const card = findTestCardOrThrow(form.card_number ?? "");
  if (card.behaviour === "decline" || card.behaviour === "insufficient_funds") {
    throw new EmulatorError(402, {
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
    });
  }
  const paymentMethod = storePaymentMethod(
    emulator,
    buildCardPaymentMethod(card, { ...parseExpiry(form.exp), email: customer.email, name: customer.name }),
  );
  saveCardForCustomer(emulator, paymentMethod, customer.id);
  return "Card added.";
};

function findOwnCard(emulator: Emulator, customer: Stripe.Customer, id: string | undefined): Stripe.PaymentMethod {
  const method = id ? emulator.state.paymentMethods[id] : undefined;
  if (!method || method.customer !== customer.id) {
    throw new EmulatorError(400, { type: "invalid_request_error", message: "That card is not saved on this account." });
  }
  return method;
}

const makeDefault: PortalAction = (emulator, customer, form) => {
  setDefaultPaymentMethod(emulator, customer, findOwnCard(emulator, customer, form.payment_method).id);
  return "Default card updated.";
};

const removeCard: PortalAction = (emulator, customer, form) => {
  detachPaymentMethod(emulator, findOwnCard(emulator, customer, form.payment_method));
  return "Card removed.";
};

// Post/redirect/get: a successful change redirects so a reload never repeats it.
function handlePortalForm(action: PortalAction): PageHandler {
  return async (emulator, { req, res, pathParams }: PageContext) => {
    const form = await readForm(req);
    const portal = findPortal(emulator, pathParams.id ?? "");
    if (!portal) return sendHtml(res, 404, renderMessagePage("Page not found", "This billing link is not valid."));
    try {
      const notice = action(emulator, portal.customer, form);
      sendRedirect(res, `/p/session/${portal.session.id}?notice=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      sendHtml(res, 200, renderPortal(emulator, portal.session, portal.customer, { error: error.message }));
    }
  };
}

export const submitPortalCard = handlePortalForm(addCard);
export const submitPortalDefault = handlePortalForm(makeDefault);
export const submitPortalRemove = handlePortalForm(removeCard);
