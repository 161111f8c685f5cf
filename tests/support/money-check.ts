// The fault campaign's verdict on money: every payment Stripe took is credited exactly once, for its
// exact amount, nothing is credited that Stripe did not take, and the ledger's invariants hold.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import { netCentsOf } from "@/lib/invoices/record-invoice";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { reconcilePayments, type ReconcileReport } from "@/lib/payments/reconcile";

const MICROS_PER_CENT = 10_000n;

/** Every payment at this emulator, keyed as the ledger keys its credit (`checkout:…`, `payment_intent:…`). */
export async function paymentsAtStripe(stripe: Stripe): Promise<Record<string, bigint>> {
  const paid: Record<string, bigint> = {};
  for await (const session of stripe.checkout.sessions.list({ limit: 100 })) {
    if (session.mode === "payment" && session.payment_status === "paid") paid[`checkout:${session.id}`] = BigInt(session.amount_subtotal ?? 0) * MICROS_PER_CENT;
  }
  // Issue 20: an auto-recharge is an invoice's payment, credited under that PaymentIntent for the
  // invoice's net amount (tax is never credit).
  for await (const listed of stripe.invoices.list({ limit: 100 })) {
    if (listed.status !== "paid" || listed.metadata?.purpose !== "auto_recharge") continue;
    const invoice = await stripe.invoices.retrieve(listed.id, { expand: ["payments"] });
    const payment = invoice.payments?.data.find((entry) => entry.status === "paid" && entry.payment.type === "payment_intent");
    const intent = payment?.payment.payment_intent;
    const intentId = typeof intent === "string" ? intent : intent?.id;
    if (intentId) paid[`payment_intent:${intentId}`] = BigInt(netCentsOf(invoice)) * MICROS_PER_CENT;
  }
  return paid;
}

/** Every card credit in the ledger, summed per key (a key credited twice would show its double). */
export async function cardCredits(): Promise<Record<string, bigint>> {
  const rows = await getDb().execute<{ key: string; micros: string }>(sql`
    select idempotency_key as key, sum(amount_micros)::text as micros from transfers
    where kind = 'top_up' and (idempotency_key like 'checkout:%' or idempotency_key like 'payment_intent:%')
    group by idempotency_key`);
  return Object.fromEntries(rows.rows.map((row) => [row.key, BigInt(row.micros)]));
}

/** Runs reconciliation (what `npm run reconcile` runs) and asserts it found no drift. */
export async function reconcileWithoutDrift(): Promise<ReconcileReport> {
  const report = await reconcilePayments(getDb());
  expect(report.drift).toEqual([]);
  return report;
}

/** Credits equal payments exactly, key by key, and `ledger:check` finds no violation. */
export async function expectMoneyExact(stripe: Stripe): Promise<void> {
  expect(await cardCredits()).toEqual(await paymentsAtStripe(stripe));
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
}
