import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { parseFormBody } from "../http/parse-form-body";
import { createStripeClient, expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

describe("authentication and errors", () => {
  it("answers a wrong API key with a 401 the SDK turns into StripeAuthenticationError", async () => {
    const wrong = createStripeClient(t.emulator.port, {}, "sk_test_wrong_key_123");
    const error = await expectRejection(wrong.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it("answers unknown routes with a Stripe-shaped 404", async () => {
    const response = await fetch(`${t.url}/v1/nonexistent_things`, {
      headers: { Authorization: "Bearer sk_test_emulator" },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("Unrecognized request URL (GET: /v1/nonexistent_things)");
    const error = await expectRejection(t.stripe.rawRequest("POST", "/v1/nonexistent_things", {}));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it("reports a missing required param with its name", async () => {
    const params = { currency: "usd" } as unknown as Stripe.PaymentIntentCreateParams;
    const error = await expectRejection(t.stripe.paymentIntents.create(params));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe("amount");
    expect(error.code).toBe("parameter_missing");
  });

  it("reports nested bad params in bracket notation and unknown params", async () => {
    const bad = await expectRejection(
      t.stripe.checkout.sessions.create({
        mode: "payment",
        success_url: "http://localhost:3000/ok",
        line_items: [{ quantity: 1, price_data: { currency: "usd", product_data: { name: "x" } } }],
      }),
    );
    expect(bad.param).toBe("line_items[0][price_data][unit_amount]");
    const unknown = await expectRejection(
      t.stripe.customers.create({ emial: "typo@example.com" } as Stripe.CustomerCreateParams),
    );
    expect(unknown.code).toBe("parameter_unknown");
    expect(unknown.param).toBe("emial");
  });

  it("answers a missing object with 404 resource_missing", async () => {
    const error = await expectRejection(t.stripe.paymentIntents.retrieve("pi_missing"));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
  });

  it("answers non-API unknown paths in Stripe's error shape too", async () => {
    const response = await fetch(`${t.url}/no/such/page`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });
});

describe("Idempotency-Key", () => {
  it("replays the original answer for the same key and params", async () => {
    const first = await t.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-1" });
    const second = await t.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.customers.list()).data).toHaveLength(1);
  });

  it("refuses the same key with different params", async () => {
    await t.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-2" });
    const error = await expectRejection(
      t.stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "key-2" }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it("replays a card error instead of charging again", async () => {
    const customer = await t.stripe.customers.create({});
    const params = {
      amount: 500,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_chargeDeclined",
      confirm: true,
      off_session: true,
    };
    const first = await expectRejection(t.stripe.paymentIntents.create(params, { idempotencyKey: "declined" }));
    const second = await expectRejection(t.stripe.paymentIntents.create(params, { idempotencyKey: "declined" }));
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    expect((await t.stripe.charges.list()).data).toHaveLength(1);
  });
});

describe("form body parsing", () => {
  it("decodes Stripe's bracket notation into objects and arrays", () => {
    const body =
      "line_items[0][price_data][unit_amount]=2500&line_items[0][quantity]=1&line_items[1][quantity]=2" +
      "&expand[]=line_items&expand[]=payment_intent&metadata%5Baccount%5D=acct_x&success_url=http%3A%2F%2Fx%2F%7BCHECKOUT_SESSION_ID%7D";
    expect(parseFormBody(body)).toEqual({
      line_items: [{ price_data: { unit_amount: "2500" }, quantity: "1" }, { quantity: "2" }],
      expand: ["line_items", "payment_intent"],
      metadata: { account: "acct_x" },
      success_url: "http://x/{CHECKOUT_SESSION_ID}",
    });
  });

  it("ignores prototype-polluting keys", () => {
    expect(parseFormBody("__proto__[x]=1&a=2")).toEqual({ a: "2" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
