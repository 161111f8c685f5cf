import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { invoices } from "@/lib/db/schema";

export type PaidInvoice = { id: string; subtotalCents: bigint; totalCents: bigint; taxCents: bigint };

export type PaymentRef = {
  accountId: string;
  checkoutSessionId?: string;
  paymentIntentId?: string | null;
  chargeId?: string | null;
};

/**
 * The invoice of one credited payment, from our own rows (recorded in the transaction that credited it):
 * by its Checkout session, its PaymentIntent or its charge, scoped to the account. Undefined for a credit
 * bought before invoices existed: it is refunded and disputed as before, without a credit note.
 */
export async function findInvoiceForPayment(db: Queryable, ref: PaymentRef): Promise<PaidInvoice | undefined> {
  const matches: SQL[] = [];
  if (ref.checkoutSessionId) matches.push(eq(invoices.checkoutSessionId, ref.checkoutSessionId));
  if (ref.paymentIntentId) matches.push(eq(invoices.paymentIntentId, ref.paymentIntentId));
  if (ref.chargeId) matches.push(eq(invoices.chargeId, ref.chargeId));
  if (matches.length === 0) return undefined;
  const [row] = await db
    .select({
      id: invoices.id,
      subtotalCents: invoices.subtotalCents,
      totalCents: invoices.totalCents,
      taxCents: invoices.taxCents,
    })
    .from(invoices)
    .where(and(eq(invoices.billingAccountId, ref.accountId), or(...matches)))
    .orderBy(invoices.issuedAt)
    .limit(1);
  return row;
}
