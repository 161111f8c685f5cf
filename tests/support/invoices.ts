import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/lib/db/client";

/**
 * A Stripe invoice as `invoices.retrieve` answers it, with only the fields our code reads: for tests of
 * what the site does with an invoice it has read (the row, the emails, the billing page).
 */
export function stripeInvoice(fields: {
  id?: string;
  number?: string | null;
  status?: Stripe.Invoice.Status;
  netCents: number;
  taxCents?: number;
  createdAt?: Date;
}): Stripe.Invoice {
  const id = fields.id ?? `in_test${randomUUID().replaceAll("-", "")}`;
  const tax = fields.taxCents ?? 0;
  const created = Math.floor((fields.createdAt ?? new Date()).getTime() / 1000);
  const invoice = {
    id,
    object: "invoice",
    number: fields.number === undefined ? `TEST-${id.slice(-8).toUpperCase()}` : fields.number,
    status: fields.status ?? "paid",
    currency: "usd",
    subtotal: fields.netCents,
    total: fields.netCents + tax,
    total_excluding_tax: fields.netCents,
    total_taxes:
      tax > 0
        ? [
            {
              amount: tax,
              tax_behavior: "exclusive",
              taxability_reason: "standard_rated",
              taxable_amount: fields.netCents,
              type: "tax_rate_details",
            },
          ]
        : [],
    amount_paid: fields.status === "open" ? 0 : fields.netCents + tax,
    hosted_invoice_url: `https://invoice.test/i/${id}`,
    invoice_pdf: `https://invoice.test/i/${id}/pdf`,
    created,
    status_transitions: { finalized_at: created, paid_at: created, marked_uncollectible_at: null, voided_at: null },
  };
  return invoice as unknown as Stripe.Invoice;
}

/** The outbox rows of invoice emails, by key. */
export async function invoiceOutbox(invoiceId: string): Promise<Array<{ key: string; to: string; subject: string }>> {
  const rows = await getDb().execute<{ key: string; to: string; subject: string }>(sql`
    select idempotency_key as key, to_address as "to", subject from email_outbox
    where template = 'invoice' and idempotency_key like ${`invoice:${invoiceId}%`} order by idempotency_key`);
  return rows.rows;
}
