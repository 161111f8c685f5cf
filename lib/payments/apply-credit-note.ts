import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { invoices } from "@/lib/db/schema";
import { recordCreditNote } from "@/lib/invoices/record-credit-note";
import { getStripe } from "@/lib/stripe/get-stripe";
import { applyChargeRefunds, type ReversalResult } from "./apply-charge-refunds";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";

/**
 * A credit note Stripe reports (`credit_note.created`). Its invoice and refunds are fixed when it is
 * made, so the payload is trusted for them (the site's calls are creditNotes.create and .list only);
 * everything that moves money is re-read by applyChargeRefunds. One for a refund brings that refund's
 * charge up to date (applyChargeRefunds: its reversal and this very note, each once, in whatever order
 * this event and `charge.refunded` arrive). One made on Stripe's side without a refund, against one of
 * our invoices, is only recorded beside its invoice: it moved no money we credited.
 */
export async function applyCreditNote(db: Database, note: Stripe.CreditNote): Promise<ReversalResult> {
  const stripe = getStripe();
  const refundIds = note.refunds.map((entry) => idOf(entry.refund)).filter((id): id is string => id !== null);
  if (refundIds.length > 0) {
    const refund = await callStripe("reading the credited refund", () => stripe.refunds.retrieve(refundIds[0]!));
    const chargeId = idOf(refund.charge);
    return chargeId ? applyChargeRefunds(db, chargeId) : { accountId: null, posted: 0 };
  }
  const invoiceId = idOf(note.invoice);
  const [invoice] = invoiceId
    ? await db.select({ accountId: invoices.billingAccountId }).from(invoices).where(eq(invoices.id, invoiceId))
    : [];
  if (!invoice || !invoiceId) return { accountId: null, posted: 0 };
  await recordCreditNote(db, note, { accountId: invoice.accountId, invoiceId, refundId: null });
  return { accountId: invoice.accountId, posted: 0, notes: 1 };
}
