import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function createCustomerWithCard(cardNumber: string) {
  const customer = await t.stripe.customers.create({ email: "card@example.com" });
  const method = await t.stripe.paymentMethods.create({
    type: "card",
    card: { number: cardNumber, exp_month: 12, exp_year: 2040 },
  });
  await t.stripe.paymentMethods.attach(method.id, { customer: customer.id });
  await t.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: method.id } });
  return { customer, method };
}

function chargeOffSession(customerId: string, paymentMethodId: string) {
  return t.stripe.paymentIntents.create({
    amount: 2000,
    currency: "usd",
    customer: customerId,
    payment_method: paymentMethodId,
    off_session: true,
    confirm: true,
    metadata: { account: "acct_1" },
  });
}

const readChargeId = (intent: Stripe.PaymentIntent) => readId(intent.latest_charge) ?? "";

async function eventTypes(): Promise<string[]> {
  return (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type);
}

describe("off-session payment intents", () => {
  it("charges 4242 and exposes its charge", async () => {
    const { customer, method } = await createCustomerWithCard("4242 4242 4242 4242");
    const intent = await chargeOffSession(customer.id, method.id);
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 2000, metadata: { account: "acct_1" } });
    const charge = await t.stripe.charges.retrieve(readChargeId(intent));
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({
      payment_intent: intent.id,
      amount_refunded: 0,
      refunded: false,
      status: "succeeded",
    });
    expect(charge.receipt_url).toBe(`${t.url}/receipts/${charge.id}`);
    expect((await t.stripe.paymentIntents.list({ customer: customer.id })).data).toHaveLength(1);
    expect((await t.stripe.charges.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it("declines 0002 with a 402 card error and payment_intent.payment_failed", async () => {
    const { customer, method } = await createCustomerWithCard("4000000000000002");
    const error = await expectRejection(chargeOffSession(customer.id, method.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: "generic_decline" });
    expect(error.payment_intent?.status).toBe("requires_payment_method");
    expect(await eventTypes()).toContain("payment_intent.payment_failed");
  });

  it("fails 3184 off-session with authentication_required", async () => {
    const { customer, method } = await createCustomerWithCard("4000002760003184");
    const error = await expectRejection(chargeOffSession(customer.id, method.id));
    expect(error).toMatchObject({ statusCode: 402, code: "authentication_required" });
    const intent = await t.stripe.paymentIntents.retrieve(error.payment_intent?.id ?? "");
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error?.code).toBe("authentication_required");
  });

  it("asks for action when 3184 is confirmed on-session, and confirms separately", async () => {
    const customer = await t.stripe.customers.create({});
    const pending = await t.stripe.paymentIntents.create({ amount: 900, currency: "usd", customer: customer.id });
    expect(pending.status).toBe("requires_payment_method");
    const needsAction = await t.stripe.paymentIntents.confirm(pending.id, {
      payment_method: "pm_card_authenticationRequired",
    });
    expect(needsAction.status).toBe("requires_action");
    const other = await t.stripe.paymentIntents.create({
      amount: 900,
      currency: "usd",
      payment_method: "pm_card_visa",
    });
    expect(other.status).toBe("requires_confirmation");
    expect((await t.stripe.paymentIntents.confirm(other.id)).status).toBe("succeeded");
    const again = await expectRejection(t.stripe.paymentIntents.confirm(other.id));
    expect(again.code).toBe("payment_intent_unexpected_state");
  });

  it("refuses amounts under the minimum", async () => {
    const error = await expectRejection(t.stripe.paymentIntents.create({ amount: 10, currency: "usd" }));
    expect(error).toMatchObject({ param: "amount", code: "amount_too_small" });
  });
});

describe("setup intents and payment methods", () => {
  it("confirms a setup intent and attaches the card", async () => {
    const customer = await t.stripe.customers.create({});
    const intent = await t.stripe.setupIntents.create({
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
      usage: "off_session",
    });
    expect(intent.status).toBe("succeeded");
    const method = await t.stripe.paymentMethods.retrieve(readId(intent.payment_method) ?? "");
    expect(method.customer).toBe(customer.id);
    const declined = await expectRejection(
      t.stripe.setupIntents.create({ customer: customer.id, payment_method: "pm_card_chargeDeclined", confirm: true }),
    );
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    const later = await t.stripe.setupIntents.create({ customer: customer.id });
    expect((await t.stripe.setupIntents.retrieve(later.id)).status).toBe("requires_payment_method");
    expect((await t.stripe.setupIntents.confirm(later.id, { payment_method: "pm_card_mastercard" })).status).toBe(
      "succeeded",
    );
  });

  it("attaches, lists, detaches and clears the default", async () => {
    const { customer, method } = await createCustomerWithCard("4242424242424242");
    expect(method.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2040 });
    const listed = await t.stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    expect(listed.data.map((item) => item.id)).toEqual([method.id]);
    await t.stripe.paymentMethods.detach(method.id);
    const after = (await t.stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(after.invoice_settings.default_payment_method).toBeNull();
    expect(await eventTypes()).toContain("payment_method.detached");
    const invalid = await expectRejection(
      t.stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424241" } }),
    );
    expect(invalid.code).toBe("invalid_number");
  });
});

describe("refunds, charges and disputes", () => {
  it("refunds partially then fully, updating the charge", async () => {
    const { customer, method } = await createCustomerWithCard("4242424242424242");
    const intent = await chargeOffSession(customer.id, method.id);
    const partial = await t.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 500,
      reason: "requested_by_customer",
    });
    expect(partial).toMatchObject({ status: "succeeded", amount: 500, charge: intent.latest_charge });
    expect(await t.stripe.charges.retrieve(readChargeId(intent))).toMatchObject({
      amount_refunded: 500,
      refunded: false,
    });
    const tooMuch = await expectRejection(t.stripe.refunds.create({ charge: readChargeId(intent), amount: 5000 }));
    expect(tooMuch.param).toBe("amount");
    const rest = await t.control<Stripe.Refund>("POST", `/charges/${readChargeId(intent)}/refund`, {});
    expect(rest.body.amount).toBe(1500);
    expect(await t.stripe.charges.retrieve(readChargeId(intent))).toMatchObject({
      amount_refunded: 2000,
      refunded: true,
    });
    expect((await t.stripe.refunds.list({ payment_intent: intent.id })).data).toHaveLength(2);
    expect((await t.stripe.refunds.retrieve(partial.id)).amount).toBe(500);
    const refundedEvents = await t.stripe.events.list({ type: "charge.refunded" });
    expect(refundedEvents.data).toHaveLength(2);
    expect(await eventTypes()).toContain("refund.created");
  });

  it("opens and closes disputes through controls", async () => {
    const { customer, method } = await createCustomerWithCard("4242424242424242");
    const intent = await chargeOffSession(customer.id, method.id);
    const opened = await t.control<Stripe.Dispute>("POST", `/charges/${readChargeId(intent)}/dispute`, {
      reason: "fraudulent",
    });
    expect(opened.body.id).toMatch(/^dp_/);
    const dispute = await t.stripe.disputes.retrieve(opened.body.id);
    expect(dispute).toMatchObject({
      status: "needs_response",
      amount: 2000,
      charge: intent.latest_charge,
      payment_intent: intent.id,
    });
    const blocked = await expectRejection(t.stripe.refunds.create({ payment_intent: intent.id }));
    expect(blocked.code).toBe("charge_disputed");
    await t.control("POST", `/disputes/${dispute.id}/close`, { status: "lost" });
    const closed = await t.stripe.events.list({ type: "charge.dispute.closed" });
    expect((closed.data[0]?.data.object as Stripe.Dispute).status).toBe("lost");
    expect(await eventTypes()).toContain("charge.dispute.created");
    expect((await t.control("POST", `/disputes/${dispute.id}/close`, { status: "won" })).status).toBe(400);
  });
});
