// Issue 20: reconciliation also compares invoices with credits, both ways. A paid invoice of ours
// without its credit is settled through the one fulfilment; a credit without an invoice, and a paid
// invoice nothing can credit, are reported.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { invoices } from "@/lib/db/schema";
import { creditCardPayment } from "@/lib/payments/credit-card-payment";
import { fulfillCheckout } from "@/lib/payments/fulfill-checkout";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { findBillingOwner } from "@/lib/payments/get-billing-account-for-user";
import { reconcilePayments, type ReconcileReport } from "@/lib/payments/reconcile";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import {
  balanceOf,
  createPayingUser,
  customerOf,
  eventFor,
  payTopUp,
  saveCard,
  startTopUp,
  transfersOf,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile({ webhooks: "drop" });

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

// Other test files share the database (with their own emulators): look only at this test's keys.
function about(report: ReconcileReport, keys: string[]) {
  return {
    repaired: report.repaired.filter((key) => keys.includes(key)),
    drift: report.drift.filter((drift) => keys.includes(drift.key)).map((drift) => [drift.kind, drift.key]),
  };
}

async function defaultCardOf(customer: string): Promise<string> {
  const found = await harness.stripe.customers.retrieve(customer);
  if (found.deleted) throw new Error("customer deleted");
  const card = found.invoice_settings.default_payment_method;
  return typeof card === "string" ? card : card!.id;
}

describe("reconciliation of invoices with credits", () => {
  it("settles a paid auto-recharge invoice without its credit, once; a second run changes nothing", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    // Paid at Stripe, and the job dies before it reads the invoice back (no webhook either).
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/invoices/", kind: "500", count: 2 });
    await runAutoRecharge(getDb(), user.accountId).catch(() => undefined);
    await harness.control("DELETE", "/faults");
    expect(await balanceOf(user.accountId)).toBe(M(3));
    const [invoice] = (await harness.stripe.invoices.list({ customer: await customerOf(user.accountId) })).data;
    expect(invoice?.status).toBe("paid");
    const [intent] = (await harness.stripe.paymentIntents.list({ customer: await customerOf(user.accountId) })).data;
    const keys = [`payment_intent:${intent!.id}`, `invoice:${invoice!.id}`];

    const first = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(first, keys)).toEqual({ repaired: [`payment_intent:${intent!.id}`], drift: [] });
    expect(first.checkedInvoices).toBeGreaterThanOrEqual(1);
    expect(await balanceOf(user.accountId)).toBe(M(20));
    const ledger = await transfersOf(user.accountId);
    const second = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(second, keys)).toEqual({ repaired: [], drift: [] });
    expect(await transfersOf(user.accountId)).toEqual(ledger);
  });

  it("reports a card credit without an invoice, and a paid invoice of ours that nothing credits", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    const customer = await customerOf(user.accountId);
    const card = await defaultCardOf(customer);
    // A card payment credited without an invoice (as before issue 20): the credit has no invoice.
    const bare = await harness.stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer, payment_method: card, confirm: true, off_session: true });
    const owner = (await findBillingOwner(getDb(), user.accountId))!;
    await runTransaction(getDb(), (tx) =>
      creditCardPayment(tx, {
        owner,
        idempotencyKey: `payment_intent:${bare.id}`,
        amountMicros: M(10),
        reason: "A credit from before invoices",
        metadata: { payment_intent_id: bare.id },
        cause: "test",
        receiptUrl: null,
      }),
    );
    // A paid invoice that says it is a top-up of this account, with no Checkout session behind it.
    const stray = await harness.stripe.invoices.create({
      customer,
      collection_method: "charge_automatically",
      auto_advance: false,
      pending_invoice_items_behavior: "exclude",
      currency: "usd",
      metadata: { billing_account_id: user.accountId, purpose: "top_up" },
    });
    await harness.stripe.invoiceItems.create({ customer, invoice: stray.id, amount: 700, currency: "usd", description: "Prepaid credit" });
    await harness.stripe.invoices.finalizeInvoice(stray.id, { auto_advance: false });
    await harness.stripe.invoices.pay(stray.id, { payment_method: card, off_session: true }, { idempotencyKey: randomUUID() });
    const balance = await balanceOf(user.accountId);

    const keys = [`payment_intent:${bare.id}`, `invoice:${stray.id}`];
    const report = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(report, keys)).toEqual({
      repaired: [],
      drift: [
        ["invoice_without_credit", `invoice:${stray.id}`],
        ["credit_without_invoice", `payment_intent:${bare.id}`],
      ],
    });
    expect(await balanceOf(user.accountId)).toBe(balance);
  });

  it("a top-up credited before its invoice was indexed gets its row from invoice.paid, or else from reconciliation", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await fulfillCheckout(getDb(), sessionId);
    const session = await harness.stripe.checkout.sessions.retrieve(sessionId);
    const invoiceId = typeof session.invoice === "string" ? session.invoice : session.invoice!.id;
    const indexed = async () => (await getDb().select().from(invoices).where(eq(invoices.id, invoiceId)))[0];
    const recorded = await indexed();
    expect(recorded).toMatchObject({ source: "checkout", checkoutSessionId: sessionId, status: "paid", subtotalCents: 2500n });
    const ledger = await transfersOf(user.accountId);

    // As if Stripe attached the invoice after the credit: the row is missing, the event brings it.
    await getDb().delete(invoices).where(eq(invoices.id, invoiceId));
    const paid = await eventFor(harness, "invoice.paid", invoiceId);
    expect(await handleStripeEvent(getDb(), { ...paid, id: `${paid.id}_late` })).toMatchObject({ outcome: "applied", accountId: user.accountId });
    expect(await indexed()).toMatchObject({ source: "checkout", checkoutSessionId: sessionId, paymentIntentId: recorded!.paymentIntentId, subtotalCents: 2500n });

    await getDb().delete(invoices).where(eq(invoices.id, invoiceId));
    const report = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(report, [`checkout:${sessionId}`, `invoice:${invoiceId}`])).toEqual({ repaired: [], drift: [] });
    expect(await indexed()).toMatchObject({ source: "checkout", checkoutSessionId: sessionId });
    expect(await transfersOf(user.accountId)).toEqual(ledger);
  });
});
