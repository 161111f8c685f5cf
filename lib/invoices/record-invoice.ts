import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Queryable } from "@/lib/db/client";
import { invoices } from "@/lib/db/schema";
import { enqueueInvoiceEmails } from "./enqueue-invoice-emails";

/** Which credit an invoice paid for: a Checkout top-up or an auto-recharge request. */
export type InvoiceLink =
  | { accountId: string; source: "checkout"; checkoutSessionId: string }
  | { accountId: string; source: "auto_recharge"; autoRechargeId: string | null };

/** The payment behind the invoice, when the caller read it (the invoice itself no longer names it). */
export type InvoicePaymentRef = { paymentIntentId?: string | null; chargeId?: string | null };

/** The tax on an invoice in cents: Stripe's `total_taxes`, else total minus total excluding tax. */
export function taxCentsOf(invoice: Stripe.Invoice): number {
  if (invoice.total_taxes && invoice.total_taxes.length > 0) return invoice.total_taxes.reduce((sum, tax) => sum + tax.amount, 0);
  return invoice.total_excluding_tax === null ? 0 : invoice.total - invoice.total_excluding_tax;
}

/** The credit the invoice bought, tax excluded, in cents: what the ledger credits for it. */
export function netCentsOf(invoice: Stripe.Invoice): number {
  return invoice.total - taxCentsOf(invoice);
}

/** `emailIds`: the outbox rows of the invoice emails this call owed (send them after the commit). */
export type RecordedInvoice = { emailIds: bigint[] };

/**
 * Upserts our index row of a Stripe invoice (lib/db/schema/invoices.ts) from a fresh read of it. Called
 * in the transaction that credits the payment and again by any later event about the invoice; a later
 * call refreshes status, number, amounts and links, never clears a payment id already known, and never
 * moves an invoice to another account or credit. The call that first records it `paid` also, in the same
 * transaction, folds the invoice into the payment's receipt still owed, or else enqueues the invoice
 * email, to the owner and each billing contact (enqueueInvoiceEmails; each once, so a replay, or two
 * racing first records, owe one email a recipient).
 */
export async function recordInvoice(tx: Queryable, invoice: Stripe.Invoice, link: InvoiceLink, payment: InvoicePaymentRef = {}): Promise<RecordedInvoice> {
  // Locks the row, if any, until the caller commits: of two records of one invoice, one sees the other's status.
  const [prior] = await tx
    .select({ status: invoices.status, accountId: invoices.billingAccountId })
    .from(invoices)
    .where(eq(invoices.id, invoice.id))
    .for("update");
  const issuedAt = new Date((invoice.status_transitions?.finalized_at ?? invoice.created) * 1000);
  const values = {
    id: invoice.id,
    billingAccountId: link.accountId,
    source: link.source,
    checkoutSessionId: link.source === "checkout" ? link.checkoutSessionId : null,
    autoRechargeId: link.source === "auto_recharge" ? link.autoRechargeId : null,
    number: invoice.number,
    status: invoice.status ?? "draft",
    currency: invoice.currency,
    subtotalCents: BigInt(netCentsOf(invoice)),
    taxCents: BigInt(taxCentsOf(invoice)),
    totalCents: BigInt(invoice.total),
    amountPaidCents: BigInt(invoice.amount_paid),
    paymentIntentId: payment.paymentIntentId ?? null,
    chargeId: payment.chargeId ?? null,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdfUrl: invoice.invoice_pdf ?? null,
    issuedAt,
  };
  await tx
    .insert(invoices)
    .values(values)
    .onConflictDoUpdate({
      target: invoices.id,
      set: {
        number: sql`coalesce(excluded.number, ${invoices.number})`,
        status: sql`excluded.status`,
        subtotalCents: sql`excluded.subtotal_cents`,
        taxCents: sql`excluded.tax_cents`,
        totalCents: sql`excluded.total_cents`,
        amountPaidCents: sql`excluded.amount_paid_cents`,
        paymentIntentId: sql`coalesce(excluded.payment_intent_id, ${invoices.paymentIntentId})`,
        chargeId: sql`coalesce(excluded.charge_id, ${invoices.chargeId})`,
        hostedInvoiceUrl: sql`coalesce(excluded.hosted_invoice_url, ${invoices.hostedInvoiceUrl})`,
        invoicePdfUrl: sql`coalesce(excluded.invoice_pdf_url, ${invoices.invoicePdfUrl})`,
        issuedAt: sql`excluded.issued_at`,
        updatedAt: sql`now()`,
      },
      // The account and the credit an invoice belongs to are fixed by its first record.
      setWhere: sql`${invoices.billingAccountId} = excluded.billing_account_id`,
    });
  const isNewlyPaid = invoice.status === "paid" && prior?.status !== "paid" && (!prior || prior.accountId === link.accountId);
  if (!isNewlyPaid || !invoice.number) return { emailIds: [] };
  // The credit's ledger key, which finds the payment's receipt the invoice can ride in.
  const ledgerKey =
    link.source === "checkout" ? `checkout:${link.checkoutSessionId}` : payment.paymentIntentId ? `payment_intent:${payment.paymentIntentId}` : null;
  return { emailIds: await enqueueInvoiceEmails(tx, { ...values, number: invoice.number }, ledgerKey) };
}
