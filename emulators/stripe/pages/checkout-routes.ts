// GET/POST /c/pay/:id – the hosted Checkout page.
import type Stripe from "stripe";
import { completeWithCard, completeWithDelayedMethod, buildRedirectUrl } from "../checkout/complete-checkout-session";
import { expireDueSessions } from "../checkout/session-lifecycle";
import { quoteSessionTotals } from "../checkout/apply-automatic-tax";
import { isAddressCollected, type BillingDetails } from "../checkout/billing-details";
import { cardError, EmulatorError, invalidRequestError } from "../core/errors";
import { toAddress } from "../customers/address";
import { findCountryName } from "../customers/countries";
import { taxIdTypeForCountry } from "../customers/tax-id-types";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { sendHtml, sendRedirect } from "../http/send";
import type { ServerResponse } from "node:http";
import { prefillBillingForm, readBillingForm, type BillingFormValues } from "./checkout-billing-fields";
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

// The tax shown for the country the buyer last confirmed (none until one is known).
function quoteFor(emulator: Emulator, session: Stripe.Checkout.Session, country: string) {
  if (!session.automatic_tax.enabled || !findCountryName(country)) return null;
  return quoteSessionTotals(getLineItems(emulator, session), country);
}

function renderForm(emulator: Emulator, session: Stripe.Checkout.Session, values: CheckoutFormValues, extra = {}) {
  const totals = quoteFor(emulator, session, values.billing.quotedCountry);
  return renderCheckoutPage(session, getLineItems(emulator, session), values, { totals, ...extra });
}

export const showCheckoutPage: PageHandler = (emulator, { res, pathParams }) => {
  const session = findSession(emulator, pathParams.id ?? "");
  if (session?.status !== "open") return sendClosedSession(res, session);
  const customer = emulator.state.customers[readId(session.customer) ?? ""];
  const values: CheckoutFormValues = {
    email: session.customer_email ?? customer?.email ?? "",
    cardNumber: "",
    exp: "",
    cvc: "",
    method: "card",
    billing: prefillBillingForm(customer),
  };
  sendHtml(res, 200, renderForm(emulator, session, values));
};

// The buyer's billing details from the form; the tax ID's type follows the billing country.
function readPayer(session: Stripe.Checkout.Session, values: CheckoutFormValues): BillingDetails {
  const { billing } = values;
  const isCollected = isAddressCollected(session);
  const address = isCollected
    ? toAddress({
        line1: billing.line1,
        line2: billing.line2,
        city: billing.city,
        postal_code: billing.postalCode,
        country: billing.country,
      })
    : null;
  const isBusiness = session.tax_id_collection?.enabled === true && billing.isBusiness;
  return {
    email: values.email.trim() || null,
    name: billing.name || null,
    address,
    taxId: isBusiness ? readTaxId(billing) : null,
    businessName: isBusiness ? billing.businessName || null : null,
  };
}

function readTaxId(billing: BillingFormValues): { type: string; value: string } {
  if (billing.taxId === "") {
    throw invalidRequestError('Enter your tax ID, or uncheck "I\'m purchasing as a business".', { param: "tax_id" });
  }
  const type = billing.country ? taxIdTypeForCountry(billing.country) : null;
  if (!type) {
    const country = findCountryName(billing.country) ?? "this country";
    throw invalidRequestError(`Tax IDs from ${country} cannot be added here.`, { param: "tax_id" });
  }
  return { type, value: billing.taxId };
}

export const submitCheckoutPage: PageHandler = async (emulator, { req, res, pathParams }) => {
  const form = await readForm(req);
  const session = findSession(emulator, pathParams.id ?? "");
  if (session?.status !== "open") return sendClosedSession(res, session);
  const values: CheckoutFormValues = {
    email: form.email ?? "",
    cardNumber: form.card_number ?? "",
    exp: form.exp ?? "",
    cvc: form.cvc ?? "",
    method: form.method ?? "card",
    billing: readBillingForm(form),
  };
  try {
    if (form.authentication === "fail")
      throw cardError({ code: "payment_intent_authentication_failure", message: AUTHENTICATION_FAILED });
    // "Continue": the first submit with a (new) country only shows the tax for it; "Pay" charges.
    if (session.automatic_tax.enabled && values.billing.country !== values.billing.quotedCountry) {
      if (!findCountryName(values.billing.country)) {
        throw invalidRequestError("Choose your billing country.", { param: "address[country]" });
      }
      const quoted = { ...values, billing: { ...values.billing, quotedCountry: values.billing.country } };
      const status = `Tax for ${findCountryName(values.billing.country) ?? ""} is included below. Check the total, then press Pay.`;
      return sendHtml(res, 200, renderForm(emulator, session, quoted, { status }));
    }
    const payer = readPayer(session, values);
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
    sendHtml(res, 200, renderForm(emulator, current, values, { error: error.message }));
  }
};
