import type Stripe from "stripe";
import { buildBankPaymentMethod, buildCardPaymentMethod } from "../cards/build-payment-method";
import { saveCardForCustomer, storePaymentMethod } from "../cards/payment-method-actions";
import { findTestCardOrThrow } from "../cards/test-cards";
import { invalidRequestError } from "../core/errors";
import { buildCustomer } from "../customers/build-customer";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { buildPaymentIntent } from "../payments/build-payment-intent";
import { confirmPaymentIntent } from "../payments/confirm-payment-intent";
import { confirmSetupIntent, createSetupIntent } from "../payments/setup-intent-actions";
import { applyAutomaticTax } from "./apply-automatic-tax";
import { buildCustomerDetails, checkBillingDetailsOrThrow, type BillingDetails } from "./billing-details";
import { saveBillingDetailsToCustomer } from "./save-billing-details";
import { issueSessionInvoice } from "./issue-session-invoice";
import { getOpenSessionOrThrow, markSessionComplete } from "./session-lifecycle";

export type PayerDetails = BillingDetails;
export type CardSubmission = PayerDetails & {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  isAuthenticated: boolean;
};
export type CompletionResult =
  { status: "complete"; redirectUrl: string; session: Stripe.Checkout.Session } | { status: "requires_authentication" };

function requireExtras(emulator: Emulator, sessionId: string) {
  const extras = emulator.state.checkoutExtras[sessionId];
  if (!extras) throw invalidRequestError(`Checkout Session ${sessionId} is missing its line items.`);
  return extras;
}

// Checkout prefills the email from the session or its customer; the person may change it.
function resolvePayer(emulator: Emulator, session: Stripe.Checkout.Session, payer: PayerDetails): PayerDetails {
  const customerEmail =
    typeof session.customer === "string" ? (emulator.state.customers[session.customer]?.email ?? null) : null;
  return { ...payer, email: payer.email ?? session.customer_email ?? customerEmail };
}

// Everything that must hold before money moves: complete billing details, and the tax for the
// buyer's country written into the totals the PaymentIntent charges.
function prepareBilling(emulator: Emulator, session: Stripe.Checkout.Session, payer: PayerDetails): void {
  checkBillingDetailsOrThrow(session, payer);
  if (payer.address?.country) {
    applyAutomaticTax(session, requireExtras(emulator, session.id).lineItems, payer.address.country);
  }
}

// Checkout needs a customer to save a card, to keep a tax ID and to address an invoice.
function needsCustomer(emulator: Emulator, session: Stripe.Checkout.Session, payer: PayerDetails): boolean {
  return (
    requireExtras(emulator, session.id).paymentIntentData.setupFutureUsage !== null ||
    session.invoice_creation?.enabled === true ||
    payer.taxId !== null
  );
}

function finishSession(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  details: {
    paymentStatus: Stripe.Checkout.Session.PaymentStatus;
    customer: string | null;
    payer: PayerDetails;
    paidIntent?: Stripe.PaymentIntent;
  },
): void {
  saveBillingDetailsToCustomer(emulator, session, details.customer, details.payer);
  const customerDetails = buildCustomerDetails(details.payer);
  session.customer = details.customer;
  session.customer_details = customerDetails;
  // Before the completed event, so the event already names the invoice (as Stripe's does).
  if (details.paidIntent) issueSessionInvoice(emulator, session, details.paidIntent);
  markSessionComplete(emulator, session, {
    paymentStatus: details.paymentStatus,
    customer: details.customer,
    customerDetails,
  });
}

export function buildRedirectUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

// Saving a card needs a customer; like Checkout, create one when the site did not pass any.
function ensureCustomer(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  payer: PayerDetails,
  isSaving: boolean,
): string | null {
  if (typeof session.customer === "string") return session.customer;
  if (!isSaving) return null;
  const customer = buildCustomer({
    email: payer.email,
    name: payer.name,
    description: null,
    phone: null,
    metadata: {},
  });
  customer.address = payer.address;
  emulator.state.customers[customer.id] = customer;
  recordEvent(emulator, "customer.created", customer);
  return customer.id;
}

// One payment intent per session: a declined attempt leaves it for the next try, as Checkout does.
function findOrCreatePaymentIntent(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  customer: string | null,
): Stripe.PaymentIntent {
  const existing =
    typeof session.payment_intent === "string" ? emulator.state.paymentIntents[session.payment_intent] : undefined;
  // A retry after a decline may be for another country, hence another tax: charge the new total.
  if (existing) {
    existing.amount = session.amount_total ?? existing.amount;
    return existing;
  }
  const { paymentIntentData } = requireExtras(emulator, session.id);
  const intent = buildPaymentIntent({
    amount: session.amount_total ?? 0,
    currency: session.currency ?? "usd",
    customer,
    paymentMethod: null,
    metadata: { ...paymentIntentData.metadata },
    description: paymentIntentData.description,
    receiptEmail: null,
    setupFutureUsage: paymentIntentData.setupFutureUsage,
    paymentMethodTypes: [...session.payment_method_types],
  });
  emulator.state.paymentIntents[intent.id] = intent;
  session.payment_intent = intent.id;
  recordEvent(emulator, "payment_intent.created", intent);
  return intent;
}

function completeSetup(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  paymentMethod: Stripe.PaymentMethod,
  payer: PayerDetails,
): void {
  const customer = ensureCustomer(emulator, session, payer, true);
  const existing =
    typeof session.setup_intent === "string" ? emulator.state.setupIntents[session.setup_intent] : undefined;
  const { setupIntentData } = requireExtras(emulator, session.id);
  const intent =
    existing ??
    createSetupIntent(emulator, {
      customer,
      paymentMethod: null,
      metadata: { ...setupIntentData.metadata },
      description: setupIntentData.description,
      usage: "off_session",
    });
  session.setup_intent = intent.id;
  confirmSetupIntent(emulator, intent, { paymentMethod, isAuthenticated: true });
  if (customer) saveCardForCustomer(emulator, paymentMethod, customer);
  finishSession(emulator, session, { paymentStatus: "no_payment_required", customer, payer });
}

// What pressing "Pay" / "Save card" with a card does. Declines throw the 402 card error and
// leave the session open; a 3D Secure card first asks the person to authenticate.
export function completeWithCard(emulator: Emulator, sessionId: string, submission: CardSubmission): CompletionResult {
  const session = getOpenSessionOrThrow(emulator, sessionId);
  const card = findTestCardOrThrow(submission.cardNumber);
  if (card.behaviour === "authenticate" && !submission.isAuthenticated) return { status: "requires_authentication" };
  const payer = resolvePayer(emulator, session, submission);
  prepareBilling(emulator, session, payer);
  const paymentMethod = storePaymentMethod(
    emulator,
    buildCardPaymentMethod(card, { expMonth: submission.expMonth, expYear: submission.expYear, ...payer }),
  );
  paymentMethod.billing_details.address = payer.address;
  if (session.mode === "setup") {
    completeSetup(emulator, session, paymentMethod, payer);
    return { status: "complete", redirectUrl: buildRedirectUrl(session), session };
  }
  const isSaving = requireExtras(emulator, session.id).paymentIntentData.setupFutureUsage !== null;
  const customer = ensureCustomer(emulator, session, payer, needsCustomer(emulator, session, payer));
  const intent = findOrCreatePaymentIntent(emulator, session, customer);
  confirmPaymentIntent(emulator, intent, { paymentMethod, isOffSession: false, isAuthenticated: true });
  if (isSaving && customer) saveCardForCustomer(emulator, paymentMethod, customer);
  finishSession(emulator, session, { paymentStatus: "paid", customer, payer, paidIntent: intent });
  return { status: "complete", redirectUrl: buildRedirectUrl(session), session };
}

// "Bank debit (settles later)": the session completes unpaid and settles through a control.
export function completeWithDelayedMethod(
  emulator: Emulator,
  sessionId: string,
  payer: PayerDetails,
): CompletionResult {
  const session = getOpenSessionOrThrow(emulator, sessionId);
  if (session.mode !== "payment" || !session.payment_method_types.includes("us_bank_account")) {
    throw invalidRequestError("Bank debit is not available for this Checkout Session.", { param: "method" });
  }
  const details = resolvePayer(emulator, session, payer);
  prepareBilling(emulator, session, details);
  const paymentMethod = storePaymentMethod(emulator, buildBankPaymentMethod(details));
  paymentMethod.billing_details.address = details.address;
  const customer = ensureCustomer(emulator, session, details, needsCustomer(emulator, session, details));
  const intent = findOrCreatePaymentIntent(emulator, session, customer);
  confirmPaymentIntent(emulator, intent, { paymentMethod, isOffSession: false, isAuthenticated: true });
  requireExtras(emulator, session.id).isAwaitingSettlement = true;
  // The invoice waits for the money: settleCheckoutSession issues it when the debit clears.
  finishSession(emulator, session, { paymentStatus: "unpaid", customer, payer: details });
  return { status: "complete", redirectUrl: buildRedirectUrl(session), session };
}
