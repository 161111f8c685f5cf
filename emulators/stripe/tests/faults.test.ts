import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeClient, expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

const countCustomers = async () => (await t.stripe.customers.list({ limit: 100 })).data.length;

async function createCardholder() {
  const customer = await t.stripe.customers.create({});
  const method = await t.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
  return { customer, method };
}

describe("faults before the change", () => {
  it("answers a Stripe-shaped 500 and changes nothing", async () => {
    await t.control("POST", "/faults", { method: "POST", path: "/v1/customers", kind: "500", count: 1 });
    const error = await expectRejection(t.stripe.customers.create({}));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error.statusCode).toBe(500);
    expect(await countCustomers()).toBe(0);
    await t.stripe.customers.create({});
    expect(await countCustomers()).toBe(1);
  });

  it("hangs until the client times out", async () => {
    await t.control("POST", "/faults", { path: "/v1/customers", kind: "timeout", count: 1, timeoutMs: 2000 });
    const impatient = createStripeClient(t.emulator.port, { timeout: 150 });
    const error = await expectRejection(impatient.customers.create({}));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(await countCustomers()).toBe(0);
  });

  it("drops the connection; the SDK's single automatic retry is dropped too when count is 2", async () => {
    await t.control("POST", "/faults", { method: "POST", path: "/v1/customers", kind: "drop", count: 2 });
    const error = await expectRejection(t.stripe.customers.create({}));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(await countCustomers()).toBe(0);
  });

  it("only matches the given method and path prefix", async () => {
    await t.control("POST", "/faults", { method: "GET", path: "/v1/checkout/sessions", kind: "500", count: 1 });
    expect((await t.control<{ data: unknown[] }>("GET", "/faults")).body.data).toHaveLength(1);
    await t.stripe.customers.create({});
    expect((await t.stripe.customers.list()).data).toHaveLength(1);
    await expectRejection(t.stripe.checkout.sessions.list());
    expect((await t.control<{ data: unknown[] }>("GET", "/faults")).body.data).toHaveLength(0);
    await t.control("POST", "/faults", { path: "/v1/", kind: "500", count: 5 });
    await t.control("DELETE", "/faults");
    expect((await t.stripe.customers.list()).data).toHaveLength(1);
  });
});

describe("faults after the change (lost answers)", () => {
  it("a retry with the same Idempotency-Key after a 500 does not charge twice", async () => {
    const { customer, method } = await createCardholder();
    await t.control("POST", "/faults", {
      method: "POST",
      path: "/v1/payment_intents",
      kind: "500",
      count: 1,
      after: true,
    });
    const params = {
      amount: 1500,
      currency: "usd",
      customer: customer.id,
      payment_method: method.id,
      off_session: true,
      confirm: true,
    };
    const key = "auto-recharge:acct_1:2026-01";
    const lost = await expectRejection(t.stripe.paymentIntents.create(params, { idempotencyKey: key }));
    expect(lost).toBeInstanceOf(Stripe.errors.StripeAPIError);
    const retried = await t.stripe.paymentIntents.create(params, { idempotencyKey: key });
    expect(retried.status).toBe("succeeded");
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.charges.list()).data).toHaveLength(1);
    expect((await t.stripe.paymentIntents.list()).data).toHaveLength(1);
  });

  it("a timed-out charge retried with the same key is not repeated", async () => {
    const { customer, method } = await createCardholder();
    await t.control("POST", "/faults", {
      method: "POST",
      path: "/v1/payment_intents",
      kind: "timeout",
      count: 1,
      after: true,
      timeoutMs: 1000,
    });
    const impatient = createStripeClient(t.emulator.port, { timeout: 150 });
    const params = {
      amount: 1500,
      currency: "usd",
      customer: customer.id,
      payment_method: method.id,
      off_session: true,
      confirm: true,
    };
    await expectRejection(impatient.paymentIntents.create(params, { idempotencyKey: "k-timeout" }));
    expect((await t.stripe.charges.list()).data).toHaveLength(1);
    const retried = await t.stripe.paymentIntents.create(params, { idempotencyKey: "k-timeout" });
    expect(retried.status).toBe("succeeded");
    expect((await t.stripe.charges.list()).data).toHaveLength(1);
  });

  it("a dropped answer is retried by the SDK with its own key and replayed, not repeated", async () => {
    const { customer, method } = await createCardholder();
    await t.control("POST", "/faults", {
      method: "POST",
      path: "/v1/payment_intents",
      kind: "drop",
      count: 1,
      after: true,
    });
    const intent = await t.stripe.paymentIntents.create({
      amount: 1500,
      currency: "usd",
      customer: customer.id,
      payment_method: method.id,
      off_session: true,
      confirm: true,
    });
    expect(intent.status).toBe("succeeded");
    expect(intent.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.charges.list()).data).toHaveLength(1);
  });
});
