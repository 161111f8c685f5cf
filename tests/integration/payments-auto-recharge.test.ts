import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getPaymentAttention } from "@/lib/account/get-payment-attention";
import { getStatementPage } from "@/lib/account/get-statement";
import { freezeAccount } from "@/lib/account-controls/freeze-account";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { autoRechargeFormSchema } from "@/lib/payments/auto-recharge-form";
import { getAutoRechargeState, resumeAutoRechargeForUser, saveAutoRechargeSettings } from "@/lib/payments/auto-recharge-settings";
import { getReceiptUrlByTransferId } from "@/lib/payments/get-receipt-urls";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { createTestAuth } from "../support/auth-harness";
import { TEST_BILLING_DETAILS } from "../support/billing-address";
import { debit, rechargesOf, turnOnAutoRecharge } from "../support/auto-recharge";
import { signedInOperator } from "../support/signup-fixtures";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  customerOf,
  mailSubjectsTo,
  saveCard,
  transfersOf,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

// The job itself must credit: no webhook may do it behind the test's back.
const harness = runStripeHarnessInThisFile({ webhooks: "drop" });

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

async function intentsOf(accountId: string): Promise<number> {
  return (await harness.stripe.paymentIntents.list({ customer: await customerOf(accountId), limit: 100 })).data.length;
}

describe("auto-recharge", () => {
  it("validates its settings on the server and needs a saved card to turn on", async () => {
    const bad = autoRechargeFormSchema.safeParse({ enabled: "on", threshold: "10", target: "12", monthlyCap: "1" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["monthlyCap", "target"]);
    expect(autoRechargeFormSchema.safeParse({ enabled: "on", threshold: "ten", target: "20", monthlyCap: "50" }).success).toBe(false);
    const user = await createPayingUser();
    const error = await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "50" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/Save a card first/);
    expect(await getAutoRechargeState(getDb(), user.accountId)).toBeNull();
  });

  it("50 concurrent debits across the threshold ask once, and the job charges once with a receipt", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await Promise.all(Array.from({ length: 50 }, () => debit(user.accountId, 10)));
    expect(await balanceOf(user.accountId)).toBe(0n);
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "pending", amount: null, code: null }]);

    // Jobs racing for the same account (a redelivered job, two workers) still make one charge.
    const outcomes = await Promise.all([1, 2, 3].map(() => runAutoRecharge(getDb(), user.accountId).catch(() => "error")));
    expect(outcomes.filter((outcome) => outcome === "succeeded").length).toBeGreaterThanOrEqual(1);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect(await intentsOf(user.accountId)).toBe(1);
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "succeeded", amount: M(20), code: null }]);
    expect(await balanceOf(user.accountId)).toBe(M(20));
    const credits = (await transfersOf(user.accountId)).filter((transfer) => transfer.kind === "top_up");
    expect(credits).toHaveLength(1);
    expect(credits[0]?.key).toMatch(/^payment_intent:pi_/);

    const state = await getAutoRechargeState(getDb(), user.accountId);
    expect(state).toMatchObject({ enabled: true, spentThisMonthMicros: M(20), needsAttention: false, inFlight: false });
    const transfer = await getDb().execute<{ id: string }>(sql`select transfer_id::text as id from auto_recharges where billing_account_id = ${user.accountId}`);
    const transferId = BigInt(transfer.rows[0]!.id);
    expect(await getReceiptUrlByTransferId(getDb(), user.accountId, transferId)).toMatch(/\/receipts\/ch_/);
    expect(await getReceiptUrlByTransferId(getDb(), (await createPayingUser()).accountId, transferId)).toBeNull();
    expect(await mailSubjectsTo(user.email)).toContain("Receipt: $20.00 added to your Tandem balance");
    // The account area's statement links the recharge to the same receipt.
    const session = { user: { id: user.userId, email: user.email, name: null, role: "user" as const }, expires: new Date(Date.now() + 3_600_000).toISOString() };
    const statement = await getStatementPage(getDb(), session, { filter: "all" });
    const recharge = statement.rows.filter((row) => row.kind === "top_up");
    expect(recharge.map((row) => [row.amountMicros, row.receiptUrl])).toEqual([[M(20), await getReceiptUrlByTransferId(getDb(), user.accountId, transferId)]]);
  });

  it("never charges more than the monthly cap, then stops asking until the settings change", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "25" });
    await debit(user.accountId, 500); // $5 → $0
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded"); // +$20
    await debit(user.accountId, 1_700); // $20 → $3
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded"); // +$5: what is left of the cap
    expect(await balanceOf(user.accountId)).toBe(M(8));
    await debit(user.accountId, 500); // $8 → $3
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("skipped");
    await debit(user.accountId, 100);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect((await rechargesOf(user.accountId)).map((r) => [r.status, r.amount, r.code])).toEqual([
      ["succeeded", M(20), null],
      ["succeeded", M(5), null],
      ["skipped", null, "monthly_cap"],
    ]);
    expect(await intentsOf(user.accountId)).toBe(2);
    expect((await getAutoRechargeState(getDb(), user.accountId))?.cappedUntil).toBeInstanceOf(Date);
  });

  it("charges nothing while an operator holds the account frozen", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    const operator = await signedInOperator(createTestAuth());
    await freezeAccount(getDb(), operator.session, { accountId: user.accountId, reason: "Card testing from this account" });
    await debit(user.accountId, 200); // $5 → $3: under the threshold
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("skipped");
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "skipped", amount: null, code: "account_held" }]);
    expect(await intentsOf(user.accountId)).toBe(0);
    expect(await balanceOf(user.accountId)).toBe(M(3));
  });

  it("authentication_required pauses, emails a fresh Checkout link, and paying it resumes with the new card", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user, "4000002760003184");
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("failed");
    expect(await balanceOf(user.accountId)).toBe(M(3));
    const state = await getAutoRechargeState(getDb(), user.accountId);
    expect(state).toMatchObject({ pausedReason: "authentication_required", needsAttention: true });
    expect(state?.recoveryUrl).toMatch(/\/c\/pay\/cs_/);
    expect(await getPaymentAttention(getDb(), user.accountId)).toMatchObject({ kind: "auto_recharge_paused", reason: "authentication_required" });
    expect(await mailSubjectsTo(user.email)).toContain("Auto-recharge paused: your card needs attention");
    await debit(user.accountId, 100);
    expect(await rechargesOf(user.accountId)).toHaveLength(1); // paused: no new request
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");

    // The emailed link: pay $17 with a card that needs no authentication; it becomes the default.
    const sessionId = new URL(state!.recoveryUrl!).pathname.split("/").pop()!;
    await harness.control("POST", `/checkout/sessions/${sessionId}/complete`, { card: "4242424242424242", ...TEST_BILLING_DETAILS });
    const { getCheckoutReturn } = await import("@/lib/payments/get-checkout-return");
    await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    expect(await balanceOf(user.accountId)).toBe(M(2) + M(17));
    expect((await getAutoRechargeState(getDb(), user.accountId))?.needsAttention).toBe(false);
    await debit(user.accountId, 1_600); // $19 → $3
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("a declined card pauses until the person resumes, which charges at once if the balance is still low", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    const customer = await customerOf(user.accountId);
    const declining = await harness.stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer });
    await harness.stripe.customers.update(customer, { invoice_settings: { default_payment_method: declining.id } });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("failed");
    expect((await getAutoRechargeState(getDb(), user.accountId))?.pausedReason).toBe("card_declined");
    expect(await balanceOf(user.accountId)).toBe(M(3));

    const good = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer });
    await harness.stripe.customers.update(customer, { invoice_settings: { default_payment_method: good.id } });
    await resumeAutoRechargeForUser(getDb(), user.userId);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    expect(await balanceOf(user.accountId)).toBe(M(20));
    expect((await rechargesOf(user.accountId)).map((r) => r.status)).toEqual(["failed", "succeeded"]);
  });

  it("Stripe failing or timing out mid-charge leaves the request for a retry that never charges twice", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    // Issue 20: the charge is an invoice's payment; Stripe fails creating the invoice.
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/invoices", kind: "500", count: 5 });
    const failed = await runAutoRecharge(getDb(), user.accountId).catch((thrown: unknown) => thrown);
    expect((failed as AppError).code).toBe("dependency_failed");
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "charging", amount: M(17), code: null }]);
    expect(await intentsOf(user.accountId)).toBe(0);
    expect(await balanceOf(user.accountId)).toBe(M(3));

    // Now Stripe charges but the answer is lost (timeouts): the retry finds that charge, not a new one.
    await harness.control("DELETE", "/faults");
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/invoices/", kind: "500", count: 2 });
    await runAutoRecharge(getDb(), user.accountId).catch(() => undefined); // the invoice is made, its finalizing fails
    const [invoice] = (await harness.stripe.invoices.list({ customer: await customerOf(user.accountId) })).data;
    await harness.control("DELETE", "/faults");
    await harness.control("POST", "/faults", { method: "POST", path: `/v1/invoices/${invoice!.id}/pay`, kind: "timeout", timeoutMs: 100, count: 5, after: true });
    const timedOut = await runAutoRecharge(getDb(), user.accountId).catch((thrown: unknown) => thrown);
    expect((timedOut as AppError).code).toBe("dependency_failed");
    expect(await intentsOf(user.accountId)).toBe(1);
    expect(await balanceOf(user.accountId)).toBe(M(3));
    await harness.control("DELETE", "/faults");
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect(await intentsOf(user.accountId)).toBe(1);
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("replaces a stored Stripe customer that Stripe no longer has", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await getDb().execute(sql`update stripe_customers set stripe_customer_id = 'cus_wipedByEmulatorReset' where billing_account_id = ${user.accountId}`);
    await saveAutoRechargeSettings(getDb(), user.userId, autoRechargeFormSchema.parse({ enabled: "off", threshold: "4", target: "20", monthlyCap: "100" }));
    await saveCard(harness, user);
    expect(await customerOf(user.accountId)).not.toBe("cus_wipedByEmulatorReset");
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
  });
});
