// Helpers for the Checkout-invoice tests (issue 20): pay a top-up on the emulator's hosted page with
// billing details, read our invoice rows, and replay every event of a flow through the site.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/lib/db/client";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { asOwner } from "./as-owner";
import type { StripeHarness } from "./stripe-harness";

export type BuyerDetails = {
  name: string;
  address: { line1: string; city: string; postal_code: string; country: string };
  tax_id?: { type: string; value: string };
  business_name?: string;
};

export const ACME_DE: BuyerDetails = {
  name: "Acme GmbH",
  address: { line1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country: "DE" },
  tax_id: { type: "eu_vat", value: "DE123456789" },
  business_name: "Acme GmbH",
};

/** What a person does on the hosted page, billing details included, through the emulator's control. */
export async function payWithDetails(harness: StripeHarness, sessionId: string, details: BuyerDetails, card = "4242424242424242"): Promise<void> {
  await harness.control("POST", `/checkout/sessions/${sessionId}/complete`, { card, ...details });
}

export type InvoiceRow = {
  id: string;
  source: string;
  checkout_session_id: string | null;
  number: string | null;
  status: string;
  currency: string;
  subtotal_cents: string;
  tax_cents: string;
  total_cents: string;
  amount_paid_cents: string;
  payment_intent_id: string | null;
  charge_id: string | null;
  hosted_invoice_url: string | null;
  invoice_pdf_url: string | null;
  issued_at: string;
};

/** Our invoice rows of an account, without `updated_at` (a refresh may touch it; nothing else may change). */
export async function invoiceRowsOf(accountId: string): Promise<InvoiceRow[]> {
  const rows = await getDb().execute<InvoiceRow>(sql`
    select id, source, checkout_session_id, number, status, currency, subtotal_cents::text, tax_cents::text, total_cents::text,
      amount_paid_cents::text, payment_intent_id, charge_id, hosted_invoice_url, invoice_pdf_url, issued_at::text
    from invoices where billing_account_id = ${accountId} order by issued_at, id`);
  return rows.rows;
}

/** Every event Stripe holds that mentions one of these ids (the session, its customer, its invoice …). */
export async function eventsMentioning(harness: StripeHarness, ids: string[]): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of harness.stripe.events.list({ limit: 100 })) {
    const body = JSON.stringify(event.data.object);
    if (ids.some((id) => body.includes(id))) events.push(event);
  }
  return events.reverse(); // oldest first, as they happened
}

/**
 * Replays each event through the site's handler as if it had never been seen: the record that it was
 * handled is removed first (as the owner: the site's login may not), so every effect runs again.
 */
export async function replayAsNew(events: Stripe.Event[]): Promise<void> {
  for (const event of events) {
    await asOwner(`delete from stripe_events where id = $1`, [event.id]);
    await handleStripeEvent(getDb(), event);
  }
}
