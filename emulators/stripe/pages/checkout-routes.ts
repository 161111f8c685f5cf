// GET/POST /c/pay/:id – the hosted Checkout page.
import type Stripe from "stripe";
import { completeWithCard, completeWithDelayedMethod, buildRedirectUrl } from "../checkout/complete-checkout-session";
import { expireDueSessions } from "../checkout/session-lifecycle";
import { cardError, EmulatorError } from "../core/errors";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { sendHtml, sendRedirect } from "../http/send";
import type { ServerResponse } from "node:http";
import { renderAuthenticationPage, renderCheckoutPage, type CheckoutFormValues } from "./checkout-page";
import { renderMessagePage } from "./html";
import { parseExpiry, readForm, type PageHandler } from "./page-types";

const AUTHENTICATION_FAILED =
  "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

function findSession(emulator: Emulator, id: string): Stripe.Checkout.Session | undefined {
  expireDueSessions(emulator);
  return Object.hasOwn(emulator.state.checkoutSessions, id) ? emulator.state.checkoutSessions[id] : undefined;
}

// Completed and expired sessions get a plain explanation instead of the form.
function sendClosedSession(res: ServerResponse, session: Stripe.Checkout.Session | undefined): void {
  if (!session) return sendHtml(res, 404, renderMessagePage("Page not found", "This checkout link is not valid."));
  if (session.status === "complete") {
    const title = session.mode === "setup" ? "Card saved" : "Payment complete";
    return sendHtml(
      res,
      200,
      renderMessagePage(title, "This checkout session is already complete.", {
        href: buildRedirectUrl(session),
        label: "Return to site",
      }),
    );
  }
  const back = session.cancel_url ? { href: session.cancel_url, label: "Return to site" } : undefined;
  sendHtml(
    res,
    410,
    renderMessagePage("Session expired", "This checkout session has expired. Start again from the site.", back),
  );
}

function getLineItems(emulator: Emulator, session: Stripe.Checkout.Session): Stripe.LineItem[] {
  return emulator.state.checkoutExtras[session.id]?.lineItems ?? [];
}

export const showCheckoutPage: PageHandler = (emulator, { res, pathParams }) => {
  const session = findSession(emulator, pathParams.id ?? "");
  if (session?.status !== "open") return sendClosedSession(res, session);
  const values = {
    email: session.customer_email ?? emulator.state.customers[readId(session.customer) ?? ""]?.email ?? "",
    cardNumber: "",
    exp: "",
    cvc: "",
    name: "",
    method: "card",
  };
  sendHtml(res, 200, renderCheckoutPage(session, getLineItems(emulator, session), values));
};

export const submitCheckoutPage: PageHandler = async (emulator, { req, res, pathParams }) => {
  const form = await readForm(req);
  const session = findSession(emulator, pathParams.id ?? "");
  if (session?.status !== "open") return sendClosedSession(res, session);
  const values: CheckoutFormValues = {
    email: form.email ?? "",
    cardNumber: form.card_number ?? "",
    exp: form.exp ?? "",
    cvc: form.cvc ?? "",
    name: form.name ?? "",
    method: form.method ?? "card",
  };
  const payer = { email: values.email.trim() || null, name: values.name.trim() || null };
  try {
    if (form.authentication === "fail")
      throw cardError({ code: "payment_intent_authentication_failure", message: AUTHENTICATION_FAILED });
    const result =
      values.method === "delayed"
        ? completeWithDelayedMethod(emulator, session.id, payer)
        : completeWithCard(emulator, session.id, {
            ...payer,
            ...parseExpiry(values.exp),
            cardNumber: values.cardNumber,
            isAuthenticated: form.authentication === "complete",
          });
    if (result.status === "requires_authentication")
      return sendHtml(res, 200, renderAuthenticationPage(session, values));
    sendRedirect(res, result.redirectUrl);
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    const current = findSession(emulator, session.id);
    if (current?.status !== "open") return sendClosedSession(res, current);
    sendHtml(res, 200, renderCheckoutPage(current, getLineItems(emulator, current), values, error.message));
  }
};
