import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTopUpCheckout } from "@/lib/payments/create-top-up-checkout";
import { getCheckoutReturn } from "@/lib/payments/get-checkout-return";
import { STRIPE_SESSION_LIMIT } from "@/lib/payments/limit-stripe-sessions";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  payTopUp,
  sessionIdFromUrl,
  startTopUp,
  transfersOf,
  type TestUser,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";
import { TEST_BILLING_DETAILS } from "../support/billing-address";

// These tests drive fulfilment through the return page only.
const harness = runStripeHarnessInThisFile({ webhooks: "drop" });

async function sessionsOf(user: TestUser): Promise<number> {
  const rows = await getDb().execute<{ id: string }>(sql`select stripe_customer_id as id from stripe_customers where billing_account_id = ${user.accountId}`);
  const customer = rows.rows[0]?.id;
  if (!customer) return 0;
  return (await harness.stripe.checkout.sessions.list({ customer, limit: 100 })).data.length;
}

async function topUpRows(user: TestUser): Promise<number> {
  const rows = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from top_ups where billing_account_id = ${user.accountId}`);
  return rows.rows[0]!.n;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("top-up checkout", () => {
  it("creates a USD payment session for the account's one Stripe customer, reused across top-ups", async () => {
    const user = await createPayingUser();
    const first = await startTopUp(user, 2500);
    const second = await startTopUp(user, 1234);
    const [a, b] = await Promise.all([first, second].map((id) => harness.stripe.checkout.sessions.retrieve(id)));
    expect(a?.customer).toBeTruthy();
    expect(b?.customer).toBe(a?.customer);
    expect(a).toMatchObject({ mode: "payment", currency: "usd", amount_total: 2500, client_reference_id: user.accountId });
    expect(a?.metadata).toMatchObject({ billing_account_id: user.accountId });
    expect(a?.success_url).toMatch(/\/account\/billing\/return\?session_id=\{CHECKOUT_SESSION_ID\}$/);
    expect(b?.amount_total).toBe(1234);
    const customers = await getDb().execute(sql`select 1 from stripe_customers where billing_account_id = ${user.accountId}`);
    expect(customers.rows).toHaveLength(1);
  });

  it("the return page credits once, shows the balance, and reports a delayed payment as processing", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    const shown = await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    expect(shown).toMatchObject({ status: "paid", amountMicros: 25_000_000n, balanceMicros: WELCOME_MICROS + 25_000_000n, isNewCredit: true });
    const again = await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    expect(again).toMatchObject({ status: "paid", isNewCredit: false, balanceMicros: WELCOME_MICROS + 25_000_000n });

    const delayed = await startTopUp(user, 5000);
    await harness.control("POST", `/checkout/sessions/${delayed}/complete`, { method: "delayed", ...TEST_BILLING_DETAILS });
    expect(await getCheckoutReturn(getDb(), { userId: user.userId, sessionId: delayed })).toMatchObject({ status: "processing", isNewCredit: false });
    await harness.control("POST", `/checkout/sessions/${delayed}/settle`, { outcome: "succeeded" });
    expect(await getCheckoutReturn(getDb(), { userId: user.userId, sessionId: delayed })).toMatchObject({ status: "paid", isNewCredit: true });

    const bounced = await startTopUp(user, 700);
    await harness.control("POST", `/checkout/sessions/${bounced}/complete`, { method: "delayed", ...TEST_BILLING_DETAILS });
    await harness.control("POST", `/checkout/sessions/${bounced}/settle`, { outcome: "failed" });
    expect(await getCheckoutReturn(getDb(), { userId: user.userId, sessionId: bounced })).toMatchObject({ status: "failed" });
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 75_000_000n);
  });

  it("opening payment pages is limited per account: past the limit nothing reaches Stripe, and other accounts are not affected", async () => {
    const user = await createPayingUser();
    const other = await createPayingUser();
    for (let opened = 0; opened < STRIPE_SESSION_LIMIT.limit; opened++) await startTopUp(user, 500);
    expect(await sessionsOf(user)).toBe(STRIPE_SESSION_LIMIT.limit);
    const refused = await failure(createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 500, attemptId: randomUUID() }));
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toMatch(/Too many payment pages opened/);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(await sessionsOf(user)).toBe(STRIPE_SESSION_LIMIT.limit);
    await startTopUp(other, 500);
    expect(await sessionsOf(other)).toBe(1);
  });

  it("a declined card credits nothing", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await expect(payTopUp(harness, sessionId, "4000000000000002")).rejects.toThrow(/402/);
    expect(await getCheckoutReturn(getDb(), { userId: user.userId, sessionId })).toMatchObject({ status: "open", isNewCredit: false });
    expect(await transfersOf(user.accountId)).toEqual([]);
  });

  it("will not fulfil or show another account's session", async () => {
    const owner = await createPayingUser();
    const intruder = await createPayingUser();
    const sessionId = await startTopUp(owner, 2500);
    await payTopUp(harness, sessionId);
    expect((await failure(getCheckoutReturn(getDb(), { userId: intruder.userId, sessionId }))).code).toBe("not_found");
    expect((await failure(getCheckoutReturn(getDb(), { userId: intruder.userId, sessionId: "../../etc" }))).code).toBe("not_found");
    expect(await transfersOf(owner.accountId)).toEqual([]);
    expect(await balanceOf(intruder.accountId)).toBe(WELCOME_MICROS);
  });

  it("when Stripe answers 500, the person gets a clear error and nothing is stored", async () => {
    const user = await createPayingUser();
    await startTopUp(user, 1000); // the customer exists; now only session creation fails
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/checkout/sessions", kind: "500", count: 5 });
    const attemptId = randomUUID();
    const error = await failure(createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId }));
    expect(error.code).toBe("dependency_failed");
    expect(error.message).toMatch(/Stripe did not answer/);
    expect(await topUpRows(user)).toBe(1);
    expect(await sessionsOf(user)).toBe(1);
    await harness.control("DELETE", "/faults");
    const url = await createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId });
    expect(sessionIdFromUrl(url)).toMatch(/^cs_/);
    expect(await sessionsOf(user)).toBe(2);
  });

  it("when Stripe times out, the person gets a clear error, and a resubmitted form never makes a second session", async () => {
    const user = await createPayingUser();
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/checkout/sessions", kind: "timeout", timeoutMs: 200, count: 5 });
    const attemptId = randomUUID();
    const error = await failure(createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId }));
    expect(error.code).toBe("dependency_failed");
    expect(await topUpRows(user)).toBe(0);
    expect(await sessionsOf(user)).toBe(0);

    // The answer is lost after Stripe made the session: the retry (same key) gets that session back.
    await harness.control("DELETE", "/faults");
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/checkout/sessions", kind: "500", count: 3, after: true });
    expect((await failure(createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId }))).code).toBe("dependency_failed");
    expect(await sessionsOf(user)).toBe(1);
    await harness.control("DELETE", "/faults");
    const first = await createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId });
    const second = await createTopUpCheckout(getDb(), { userId: user.userId, amountCents: 2500, attemptId });
    expect(second).toBe(first);
    expect(await sessionsOf(user)).toBe(1);
    await payTopUp(harness, sessionIdFromUrl(first));
    await getCheckoutReturn(getDb(), { userId: user.userId, sessionId: sessionIdFromUrl(first) });
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
  });
});
