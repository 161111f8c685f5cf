import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createPaymentSession, expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

// What the site sends for a top-up (the contract in helper-common-20.md).
function siteParams(customer: string, isAutomaticTax = false): Partial<Stripe.Checkout.SessionCreateParams> {
  return {
    customer,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: 2500,
          tax_behavior: "exclusive",
          product_data: { name: "Prepaid credit" },
        },
      },
    ],
    invoice_creation: {
      enabled: true,
      invoice_data: { description: "Prepaid credit", metadata: { billing_account_id: "acct_1", purpose: "top_up" } },
    },
    billing_address_collection: "required",
    tax_id_collection: { enabled: true },
    customer_update: { name: "auto", address: "auto" },
    automatic_tax: { enabled: isAutomaticTax },
  };
}

describe("session params for billing details, tax and invoices", () => {
  it("accepts what the site sends and shows it on the session", async () => {
    const customer = await t.stripe.customers.create({ email: "buyer@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    expect(session).toMatchObject({
      billing_address_collection: "required",
      tax_id_collection: { enabled: true },
      automatic_tax: { enabled: true, status: "requires_location_inputs" },
      invoice_creation: {
        enabled: true,
        invoice_data: { description: "Prepaid credit", metadata: { billing_account_id: "acct_1", purpose: "top_up" } },
      },
      invoice: null,
    });
    const items = await t.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]?.price?.tax_behavior).toBe("exclusive");
    const plain = await createPaymentSession(t.stripe);
    expect(plain).toMatchObject({
      billing_address_collection: null,
      automatic_tax: { enabled: false },
      invoice_creation: { enabled: false },
      tax_id_collection: { enabled: false },
    });
  });

  it("refuses them as Stripe does", async () => {
    const customer = await t.stripe.customers.create({});
    const withoutCustomer = await expectRejection(
      createPaymentSession(t.stripe, { customer_update: { name: "auto" } }),
    );
    expect(withoutCustomer).toMatchObject({ statusCode: 400, param: "customer_update" });
    const inSetup = await expectRejection(
      t.stripe.checkout.sessions.create({
        mode: "setup",
        customer: customer.id,
        success_url: "http://localhost:3000/ok",
        invoice_creation: { enabled: true },
      }),
    );
    expect(inSetup).toMatchObject({ statusCode: 400, param: "invoice_creation" });
    const taxWithoutAddress = await expectRejection(
      createPaymentSession(t.stripe, { customer: customer.id, automatic_tax: { enabled: true } }),
    );
    expect(taxWithoutAddress).toMatchObject({ statusCode: 400, param: "automatic_tax[enabled]" });
    expect(taxWithoutAddress.message).toContain("customer_update[address]");
    const taxIdWithoutName = await expectRejection(
      createPaymentSession(t.stripe, { customer: customer.id, tax_id_collection: { enabled: true } }),
    );
    expect(taxIdWithoutName).toMatchObject({ statusCode: 400, param: "customer_update[name]" });
    const badCollection = await expectRejection(
      createPaymentSession(t.stripe, {
        billing_address_collection: "sometimes" as Stripe.Checkout.SessionCreateParams.BillingAddressCollection,
      }),
    );
    expect(badCollection).toMatchObject({ statusCode: 400, param: "billing_address_collection" });
    const unknown = await expectRejection(
      createPaymentSession(t.stripe, {
        invoice_creation: { enabled: true, invoice_data: { issuer: { type: "self" } } },
      }),
    );
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "invoice_creation[invoice_data][issuer]" });
    expect((await t.stripe.checkout.sessions.list()).data).toHaveLength(0);
  });

  it("lets a customer with an address use automatic tax without saving a new one", async () => {
    const customer = await t.stripe.customers.create({
      address: { line1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country: "DE" },
    });
    const session = await createPaymentSession(t.stripe, { customer: customer.id, automatic_tax: { enabled: true } });
    expect(session.automatic_tax.enabled).toBe(true);
  });
});
