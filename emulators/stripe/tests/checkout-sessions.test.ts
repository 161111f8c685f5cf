import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getPage, postForm } from "./support/hosted-page";
import { createPaymentSession, expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function eventTypes(): Promise<string[]> {
  return (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
}

describe("creating and reading sessions", () => {
  it("creates a payment session with everything the site sends", async () => {
    const customer = await t.stripe.customers.create({ email: "payer@example.com" });
    const session = await createPaymentSession(t.stripe, {
      customer: customer.id,
      client_reference_id: "acct_123",
      metadata: { account: "acct_123" },
      payment_intent_data: { setup_future_usage: "off_session", metadata: { account: "acct_123", topup: "tp_1" } },
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${t.url}/c/pay/${session.id}`);
    expect(session).toMatchObject({
      status: "open",
      payment_status: "unpaid",
      amount_total: 2500,
      currency: "usd",
      mode: "payment",
    });
    expect(session.client_reference_id).toBe("acct_123");
    const expanded = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data[0]).toMatchObject({ amount_total: 2500, quantity: 1, description: "Credits" });
    const items = await t.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]?.price?.unit_amount).toBe(2500);
  });

  it("validates like Stripe", async () => {
    const missing = await expectRejection(
      t.stripe.checkout.sessions.create({ mode: "payment", success_url: "http://localhost:3000/ok" }),
    );
    expect(missing.param).toBe("line_items");
    const tooSoon = await expectRejection(
      createPaymentSession(t.stripe, { expires_at: Math.floor(Date.now() / 1000) + 60 }),
    );
    expect(tooSoon.param).toBe("expires_at");
    const badUrl = await expectRejection(createPaymentSession(t.stripe, { success_url: "not a url" }));
    expect(badUrl.param).toBe("success_url");
    const noCustomer = await expectRejection(createPaymentSession(t.stripe, { customer: "cus_missing" }));
    expect(noCustomer).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
  });

  it("lists with filters and pagination", async () => {
    const customer = await t.stripe.customers.create({});
    const created: Stripe.Checkout.Session[] = [];
    for (let index = 0; index < 3; index += 1)
      created.push(await createPaymentSession(t.stripe, { customer: customer.id }));
    const other = await createPaymentSession(t.stripe);
    await t.stripe.checkout.sessions.expire(other.id);
    const page1 = await t.stripe.checkout.sessions.list({ customer: customer.id, limit: 2 });
    expect(page1.has_more).toBe(true);
    expect(page1.data.map((session) => session.id)).toEqual([created[2]?.id, created[1]?.id]);
    const page2 = await t.stripe.checkout.sessions.list({
      customer: customer.id,
      limit: 2,
      starting_after: page1.data[1]?.id,
    });
    expect(page2).toMatchObject({ has_more: false });
    expect(page2.data.map((session) => session.id)).toEqual([created[0]?.id]);
    const expired = await t.stripe.checkout.sessions.list({ status: "expired" });
    expect(expired.data.map((session) => session.id)).toEqual([other.id]);
    const recent = await t.stripe.checkout.sessions.list({
      created: { gte: Math.floor(Date.now() / 1000) - 60 },
      limit: 100,
    });
    expect(recent.data).toHaveLength(4);
  });

  it("expires through the API and control, announcing checkout.session.expired", async () => {
    const viaApi = await t.stripe.checkout.sessions.expire((await createPaymentSession(t.stripe)).id);
    expect(viaApi).toMatchObject({ status: "expired", url: null });
    const other = await createPaymentSession(t.stripe);
    expect((await t.control("POST", `/checkout/sessions/${other.id}/expire`)).body).toMatchObject({
      status: "expired",
    });
    expect((await eventTypes()).filter((type) => type === "checkout.session.expired")).toHaveLength(2);
    const page = await getPage(other.url ?? `${t.url}/c/pay/${other.id}`);
    expect(page.html).toContain("expired");
    const again = await expectRejection(t.stripe.checkout.sessions.expire(other.id));
    expect(again.statusCode).toBe(400);
  });
});

describe("hosted payment page", () => {
  it("renders an accessible form without scripts", async () => {
    const session = await createPaymentSession(t.stripe);
    const page = await getPage(session.url ?? "");
    expect(page.status).toBe(200);
    expect(page.html).toContain('<label for="card_number">Card number</label>');
    expect(page.html).toContain('<button type="submit" class="primary">Pay</button>');
    expect(page.html).toContain('href="http://localhost:3000/billing">Cancel</a>');
    expect(page.html).toContain("Bank debit (settles later)");
    expect(page.html).not.toContain("<script");
  });

  it("pays with 4242 and redirects to success_url with the session id", async () => {
    const session = await createPaymentSession(t.stripe);
    const answer = await postForm(session.url ?? "", {
      method: "card",
      card_number: "4242 4242 4242 4242",
      email: "p@example.com",
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`http://localhost:3000/billing/success?session_id=${session.id}`);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid" });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    const charge = intent.latest_charge as Stripe.Charge;
    expect(intent.status).toBe("succeeded");
    expect(charge).toMatchObject({ payment_intent: intent.id, amount_refunded: 0, refunded: false, paid: true });
    const receipt = await getPage(charge.receipt_url ?? "");
    expect(receipt.html).toContain("$25.00");
    expect(await eventTypes()).toEqual(
      expect.arrayContaining(["charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]),
    );
    expect((await getPage(session.url ?? "")).html).toContain("already complete");
  });

  it("shows a readable decline for 4000 0000 0000 0002 and keeps the session open", async () => {
    const session = await createPaymentSession(t.stripe);
    const declined = await postForm(session.url ?? "", { method: "card", card_number: "4000 0000 0000 0002" });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain('role="alert">Your card was declined.');
    const open = await t.stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe("open");
    expect(await eventTypes()).toContain("payment_intent.payment_failed");
    const retried = await postForm(session.url ?? "", { method: "card", card_number: "4242424242424242" });
    expect(retried.status).toBe(303);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.payment_intent).toBe(open.payment_intent);
  });

  it("asks a 3D Secure card to authenticate, then succeeds", async () => {
    const session = await createPaymentSession(t.stripe);
    const challenge = await postForm(session.url ?? "", { method: "card", card_number: "4000 0027 6000 3184" });
    expect(challenge.html).toContain("Complete authentication");
    const refused = await postForm(session.url ?? "", {
      method: "card",
      card_number: "4000002760003184",
      authentication: "fail",
    });
    expect(refused.html).toContain("unable to authenticate");
    const done = await postForm(session.url ?? "", {
      method: "card",
      card_number: "4000002760003184",
      authentication: "complete",
    });
    expect(done.status).toBe(303);
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("paid");
  });

  it("completes a delayed bank debit unpaid, then settles it either way", async () => {
    const good = await createPaymentSession(t.stripe);
    expect((await postForm(good.url ?? "", { method: "delayed" })).status).toBe(303);
    expect(await t.stripe.checkout.sessions.retrieve(good.id)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
    await t.control("POST", `/checkout/sessions/${good.id}/settle`, { outcome: "succeeded" });
    expect((await t.stripe.checkout.sessions.retrieve(good.id)).payment_status).toBe("paid");

    const bad = await createPaymentSession(t.stripe);
    expect((await t.control("POST", `/checkout/sessions/${bad.id}/complete`, { method: "delayed" })).status).toBe(200);
    await t.control("POST", `/checkout/sessions/${bad.id}/settle`, { outcome: "failed" });
    const failed = await t.stripe.checkout.sessions.retrieve(bad.id, { expand: ["payment_intent"] });
    expect(failed.payment_status).toBe("unpaid");
    expect((failed.payment_intent as Stripe.PaymentIntent).status).toBe("requires_payment_method");
    const types = await eventTypes();
    expect(types).toContain("checkout.session.async_payment_succeeded");
    expect(types).toContain("checkout.session.async_payment_failed");
    expect((await t.control("POST", `/checkout/sessions/${bad.id}/settle`, { outcome: "failed" })).status).toBe(400);
  });
});

describe("saving cards", () => {
  it("saves the card from a payment with setup_future_usage and makes it the default", async () => {
    const customer = await t.stripe.customers.create({ email: "saver@example.com" });
    const session = await createPaymentSession(t.stripe, {
      customer: customer.id,
      payment_intent_data: { setup_future_usage: "off_session" },
    });
    await t.control("POST", `/checkout/sessions/${session.id}/complete`, { card: "4242424242424242" });
    const updated = await t.stripe.customers.retrieve(customer.id);
    const methods = await t.stripe.customers.listPaymentMethods(customer.id, { type: "card" });
    expect(methods.data).toHaveLength(1);
    expect((updated as Stripe.Customer).invoice_settings.default_payment_method).toBe(methods.data[0]?.id);
    expect(methods.data[0]?.card).toMatchObject({ brand: "visa", last4: "4242" });
    expect(await eventTypes()).toEqual(expect.arrayContaining(["payment_method.attached", "customer.updated"]));
  });

  it("saves a card in setup mode with the setup intent's metadata", async () => {
    const customer = await t.stripe.customers.create({});
    const session = await t.stripe.checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      success_url: "http://localhost:3000/cards?session_id={CHECKOUT_SESSION_ID}",
      setup_intent_data: { metadata: { account: "acct_9" } },
    });
    expect((await getPage(session.url ?? "")).html).toContain(">Save card</button>");
    const declined = await t.control<{ error: { code: string; decline_code: string } }>(
      "POST",
      `/checkout/sessions/${session.id}/complete`,
      { card: "4000000000000002" },
    );
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ code: "card_declined", decline_code: "generic_decline" });
    const done = await t.control<{ redirect_url: string }>("POST", `/checkout/sessions/${session.id}/complete`, {
      card: "4000002760003184",
    });
    expect(done.body.redirect_url).toBe(`http://localhost:3000/cards?session_id=${session.id}`);
    const complete = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    const intent = complete.setup_intent as Stripe.SetupIntent;
    expect(complete.payment_status).toBe("no_payment_required");
    expect(intent).toMatchObject({ status: "succeeded", metadata: { account: "acct_9" } });
    const saved = await t.stripe.customers.retrieve(customer.id);
    expect((saved as Stripe.Customer).invoice_settings.default_payment_method).toBe(intent.payment_method);
    expect(await eventTypes()).toContain("setup_intent.succeeded");
  });
});
