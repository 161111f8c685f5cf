// Automatic tax on (STRIPE_AUTOMATIC_TAX=1, issue 20): tax is added on top of the credit bought, the
// card pays credit + tax, the invoice shows the tax line, and the ledger credits only the credit (tax is
// owed to a tax authority, not spendable). The emulator's fixed test rate for DE is 19 %.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getCheckoutReturn } from "@/lib/payments/get-checkout-return";
import { reconcilePayments } from "@/lib/payments/reconcile";
import { ACME_DE, invoiceRowsOf, payWithDetails } from "../support/checkout-invoices";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  startTopUp,
  transfersOf,
  waitForProcessedEvent,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile({ automaticTax: true });

describe("Checkout top-ups with automatic tax", () => {
  it("a DE buyer pays credit + 19 %; the invoice has the tax line; the ledger credits only the credit", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 10_000);
    expect((await harness.stripe.checkout.sessions.retrieve(sessionId)).automatic_tax).toMatchObject({ enabled: true });
    await payWithDetails(harness, sessionId, ACME_DE);
    const shown = await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    expect(shown).toMatchObject({ status: "paid", amountMicros: 100_000_000n });
    await waitForProcessedEvent("checkout.session.completed", sessionId);

    const session = await harness.stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent", "invoice"] });
    expect(session).toMatchObject({ amount_subtotal: 10_000, amount_total: 11_900, total_details: { amount_tax: 1_900 } });
    expect((session.payment_intent as Stripe.PaymentIntent).amount_received).toBe(11_900);

    const invoice = session.invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", total: 11_900, amount_paid: 11_900 });
    expect((invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0)).toBe(1_900);

    expect(await transfersOf(user.accountId)).toEqual([{ kind: "top_up", key: `checkout:${sessionId}`, micros: 100_000_000n }]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 100_000_000n);
    const topUp = await getDb().execute<{ micros: string }>(sql`select amount_micros::text as micros from top_ups where checkout_session_id = ${sessionId}`);
    expect(topUp.rows[0]?.micros).toBe("100000000");
    expect(await invoiceRowsOf(user.accountId)).toEqual([
      expect.objectContaining({ id: invoice.id, subtotal_cents: "10000", tax_cents: "1900", total_cents: "11900", amount_paid_cents: "11900", status: "paid" }),
    ]);

    // Reconciliation expects the net credit, so the tax is no drift.
    const report = await reconcilePayments(getDb(), { windowSeconds: 3_600 });
    expect(report.drift.filter((drift) => drift.key === `checkout:${sessionId}`)).toEqual([]);
  });

  it("a buyer in a country without a test rate pays no tax", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2_000);
    await payWithDetails(harness, sessionId, { name: "Indie Dev", address: { line1: "1 Main St", city: "Austin", postal_code: "78701", country: "US" } });
    await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    const session = await harness.stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ amount_subtotal: 2_000, amount_total: 2_000, total_details: { amount_tax: 0 } });
    expect(await invoiceRowsOf(user.accountId)).toEqual([expect.objectContaining({ subtotal_cents: "2000", tax_cents: "0", total_cents: "2000" })]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 20_000_000n);
  });
});
