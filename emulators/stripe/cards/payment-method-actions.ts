import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { getCustomerOrThrow, getPaymentMethodOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";
import { buildCardPaymentMethod } from "./build-payment-method";
import {
  MAGIC_PAYMENT_METHODS,
  findTestCardByFingerprint,
  findTestCardOrThrow,
  type CardBehaviour,
} from "./test-cards";

export function storePaymentMethod(emulator: Emulator, paymentMethod: Stripe.PaymentMethod): Stripe.PaymentMethod {
  emulator.state.paymentMethods[paymentMethod.id] = paymentMethod;
  return paymentMethod;
}

// `pm_card_visa` and friends create a fresh payment method on each use, as Stripe does.
export function resolvePaymentMethod(emulator: Emulator, id: string, param?: string): Stripe.PaymentMethod {
  const number = Object.hasOwn(MAGIC_PAYMENT_METHODS, id) ? MAGIC_PAYMENT_METHODS[id] : undefined;
  if (number === undefined) return getPaymentMethodOrThrow(emulator.state, id, param);
  const card = findTestCardOrThrow(number);
  return storePaymentMethod(
    emulator,
    buildCardPaymentMethod(card, { expMonth: 12, expYear: new Date().getFullYear() + 5 }),
  );
}

export function describeBehaviour(paymentMethod: Stripe.PaymentMethod): CardBehaviour | "delayed" {
  if (paymentMethod.type === "us_bank_account") return "delayed";
  return findTestCardByFingerprint(paymentMethod.card?.fingerprint)?.behaviour ?? "succeed";
}

export function attachPaymentMethod(emulator: Emulator, paymentMethod: Stripe.PaymentMethod, customerId: string): void {
  if (paymentMethod.customer === customerId) return;
  if (paymentMethod.customer) {
    throw invalidRequestError("The payment method you provided has already been attached to a customer.", {
      param: "payment_method",
      code: "payment_method_unexpected_state",
    });
  }
  paymentMethod.customer = customerId;
  recordEvent(emulator, "payment_method.attached", paymentMethod);
}

export function setDefaultPaymentMethod(
  emulator: Emulator,
  customer: Stripe.Customer,
  paymentMethodId: string | null,
): void {
  if (customer.invoice_settings.default_payment_method === paymentMethodId) return;
  const before = structuredClone(customer);
  customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: paymentMethodId };
  recordEvent(emulator, "customer.updated", customer, diffAttributes(before, customer));
}

// Saving a card from Checkout or the portal: attach it, and make it the default when the
// customer has none yet (so off-session charges have a card to use).
export function saveCardForCustomer(emulator: Emulator, paymentMethod: Stripe.PaymentMethod, customerId: string): void {
  const customer = getCustomerOrThrow(emulator.state, customerId, "customer");
  attachPaymentMethod(emulator, paymentMethod, customerId);
  if (!customer.invoice_settings.default_payment_method) setDefaultPaymentMethod(emulator, customer, paymentMethod.id);
}

export function detachPaymentMethod(emulator: Emulator, paymentMethod: Stripe.PaymentMethod): void {
  const customerId = typeof paymentMethod.customer === "string" ? paymentMethod.customer : null;
  if (!customerId) {
    throw invalidRequestError(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      {
        param: "payment_method",
        code: "payment_method_unexpected_state",
      },
    );
  }
  paymentMethod.customer = null;
  recordEvent(emulator, "payment_method.detached", paymentMethod, { customer: customerId });
  const customer = emulator.state.customers[customerId];
  if (customer?.invoice_settings.default_payment_method === paymentMethod.id)
    setDefaultPaymentMethod(emulator, customer, null);
}
