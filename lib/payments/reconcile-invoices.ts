import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { invoices, topUps } from "@/lib/db/schema";
import { netCentsOf } from "@/lib/invoices/record-invoice";
import { findTransferByKey } from "@/lib/ledger/find-transfer-by-key";
import { getStripe } from "@/lib/stripe/get-stripe";
import { recordTopUpInvoice, TOP_UP_PURPOSE } from "./apply-invoice-event";
import { fulfillAutoRechargeInvoice, isAutoRechargeInvoice } from "./fulfill-auto-recharge";
import { fulfillCheckout } from "./fulfill-checkout";
import { paidIntentIdOf, retrieveInvoiceWithPayments } from "./invoice-payment";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export type InvoiceDriftKind = "credit_without_invoice" | "invoice_without_credit" | "invoice_amount_mismatch";
export type InvoiceDrift = { kind: InvoiceDriftKind; key: string; detail: string };
export type InvoiceCheck = { checkedInvoices: number; checkedAutoRecharges: number; repaired: string[]; drift: InvoiceDrift[]; creditKeys: Set<string> };

async function isIndexed(db: Database, invoiceId: string): Promise<boolean> {
  return (await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoiceId))).length > 0;
}

// The ledger key of an invoice already in our index, read from its row (no call to Stripe).
async function indexedKeyOf(db: Database, invoiceId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sessionId: invoices.checkoutSessionId, intentId: invoices.paymentIntentId })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  if (row?.sessionId) return `checkout:${row.sessionId}`;
  return row?.intentId ? `payment_intent:${row.intentId}` : undefined;
}

// The ledger key a paid invoice of ours must have been credited under, after repairing what the same
// paths the webhooks use can repair: the credit (fulfilment) and our index row of the invoice.
async function settleInvoice(db: Database, invoice: Stripe.Invoice, repaired: string[]): Promise<string | undefined> {
  const intentId = paidIntentIdOf(invoice);
  if (!intentId) return undefined;
  if (isAutoRechargeInvoice(invoice)) {
    const key = `payment_intent:${intentId}`;
    if (!(await findTransferByKey(db, key)) || !(await isIndexed(db, invoice.id))) {
      if ((await fulfillAutoRechargeInvoice(db, invoice))?.isNewCredit) repaired.push(key);
    }
    return key;
  }
  if (invoice.metadata?.purpose !== TOP_UP_PURPOSE) return undefined;
  const [topUp] = await db.select({ sessionId: topUps.checkoutSessionId }).from(topUps).where(eq(topUps.paymentIntentId, intentId));
  let sessionId = topUp?.sessionId;
  if (!sessionId || !(await findTransferByKey(db, `checkout:${sessionId}`))) {
    const sessions = await callStripe("finding the invoice's Checkout session", () =>
      getStripe().checkout.sessions.list({ payment_intent: intentId, limit: 1 }),
    );
    sessionId = sessions.data[0]?.id;
    if (!sessionId) return undefined;
    if ((await fulfillCheckout(db, sessionId)).isNewCredit) repaired.push(`checkout:${sessionId}`);
  }
  if (!(await isIndexed(db, invoice.id))) await recordTopUpInvoice(db, invoice);
  return `checkout:${sessionId}`;
}

/**
 * Stripe's side: every paid invoice of ours created since `since` (metadata `billing_account_id`) has
 * its credit, for its net amount, and our index row; a missing credit is settled through the one
 * fulfilment (reported as repaired), and what still lacks one is `invoice_without_credit`.
 */
export async function checkPaidInvoices(db: Database, since: number): Promise<InvoiceCheck> {
  const check: InvoiceCheck = { checkedInvoices: 0, checkedAutoRecharges: 0, repaired: [], drift: [], creditKeys: new Set() };
  for await (const listed of getStripe().invoices.list({ created: { gte: since }, limit: 100 })) {
    if (!listed.metadata?.billing_account_id || listed.status !== "paid" || listed.created < since) continue;
    check.checkedInvoices += 1;
    if (isAutoRechargeInvoice(listed)) check.checkedAutoRecharges += 1;
    // Indexed and credited: the list's own copy is enough, so a run's calls to Stripe stay the list's
    // pages plus one read per invoice that still needs settling.
    let key = await indexedKeyOf(db, listed.id);
    let credit = key ? await findTransferByKey(db, key) : undefined;
    if (!credit) {
      key = await settleInvoice(db, await retrieveInvoiceWithPayments(listed.id), check.repaired);
      credit = key ? await findTransferByKey(db, key) : undefined;
    }
    if (!key || !credit) {
      check.drift.push({ kind: "invoice_without_credit", key: `invoice:${listed.id}`, detail: "paid at Stripe, and no credit could be posted for it" });
      continue;
    }
    check.creditKeys.add(key);
    const net = centsToMicros(netCentsOf(listed));
    if (credit.amountMicros !== net) {
      check.drift.push({ kind: "invoice_amount_mismatch", key, detail: `invoice ${listed.id} net ${net} micros, ledger ${credit.amountMicros} micros` });
    }
  }
  return check;
}

/**
 * Our side: every card credit posted since `since` (Checkout top-ups `checkout:<session>`,
 * auto-recharges `payment_intent:<pi>`) has an indexed invoice whose net (`subtotal_cents`) equals it.
 */
export async function findCreditsWithoutInvoices(db: Database, since: number): Promise<InvoiceDrift[]> {
  const rows = await db.execute<{ key: string; micros: string; invoice: string | null; net: string | null }>(sql`
    select t.idempotency_key as key, t.amount_micros::text as micros, coalesce(ic.id, ip.id) as invoice,
      coalesce(ic.subtotal_cents, ip.subtotal_cents)::text as net
    from transfers t
    left join invoices ic on t.idempotency_key like 'checkout:%' and ic.checkout_session_id = substr(t.idempotency_key, 10)
    left join invoices ip on t.idempotency_key like 'payment_intent:%' and ip.payment_intent_id = substr(t.idempotency_key, 16)
    where t.kind = 'top_up' and t.created_at >= to_timestamp(${since})
      and (t.idempotency_key like 'checkout:%' or t.idempotency_key like 'payment_intent:%')`);
  const drift: InvoiceDrift[] = [];
  for (const row of rows.rows) {
    if (row.invoice === null || row.net === null) {
      drift.push({ kind: "credit_without_invoice", key: row.key, detail: "credited here, and no invoice of Stripe's is indexed for it" });
    } else if (BigInt(row.net) * 10_000n !== BigInt(row.micros)) {
      drift.push({ kind: "invoice_amount_mismatch", key: row.key, detail: `invoice ${row.invoice} net ${BigInt(row.net) * 10_000n} micros, ledger ${row.micros} micros` });
    }
  }
  return drift;
}
