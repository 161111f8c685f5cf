import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { getPage, postForm } from "./support/hosted-page";
import { expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function openPortal() {
  const customer = await t.stripe.customers.create({ email: "portal@example.com" });
  const session = await t.stripe.billingPortal.sessions.create({
    customer: customer.id,
    return_url: "http://localhost:3000/billing",
  });
  return { customer, session };
}

const defaultOf = async (id: string) =>
  readId(((await t.stripe.customers.retrieve(id)) as Stripe.Customer).invoice_settings.default_payment_method);

describe("billing portal", () => {
  it("creates a session whose url is the hosted portal", async () => {
    const { customer, session } = await openPortal();
    expect(session.id).toMatch(/^bps_/);
    expect(session).toMatchObject({
      object: "billing_portal.session",
      customer: customer.id,
      return_url: "http://localhost:3000/billing",
    });
    const page = await getPage(session.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<label for="card_number">Card number</label>');
    expect(page.html).toContain('href="http://localhost:3000/billing">Return to site</a>');
    const missing = await expectRejection(t.stripe.billingPortal.sessions.create({ customer: "cus_missing" }));
    expect(missing.param).toBe("customer");
  });

  it("adds cards, makes one the default and removes another", async () => {
    const { customer, session } = await openPortal();
    const added = await postForm(`${session.url}/cards`, { card_number: "4242 4242 4242 4242", exp: "12 / 34" });
    expect(added.status).toBe(303);
    const first = await defaultOf(customer.id);
    expect(first).toMatch(/^pm_/);
    await postForm(`${session.url}/cards`, { card_number: "5555 5555 5555 4444" });
    expect(await defaultOf(customer.id)).toBe(first);
    const cards = await t.stripe.customers.listPaymentMethods(customer.id, { type: "card" });
    const mastercard = cards.data.find((card) => card.card?.brand === "mastercard");
    const updated = await postForm(`${session.url}/default`, { payment_method: mastercard?.id ?? "" });
    expect(updated.status).toBe(303);
    expect(await defaultOf(customer.id)).toBe(mastercard?.id);
    const page = await getPage(session.url);
    expect(page.html).toContain("Mastercard ending in 4444");
    expect(page.html).toContain("Make default");
    await postForm(`${session.url}/remove`, { payment_method: first ?? "" });
    expect((await t.stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(1);
    const types = (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type);
    expect(types.filter((type) => type === "payment_method.attached")).toHaveLength(2);
    expect(types.filter((type) => type === "customer.updated")).toHaveLength(2);
  });

  it("refuses a declined card with a readable message", async () => {
    const { session } = await openPortal();
    const answer = await postForm(`${session.url}/cards`, { card_number: "4000000000000002" });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('role="alert">Your card was declined.');
  });

  it("lists payments with receipt links", async () => {
    const { customer, session } = await openPortal();
    await t.stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const page = await getPage(session.url);
    expect(page.html).toContain("$42.00");
    expect(page.html).toContain("View receipt");
  });
});
