import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Queryable } from "@/lib/db/client";
import { creditNotes } from "@/lib/db/schema";

/**
 * Upserts our index row of a Stripe credit note issued against one of our invoices (for a refund:
 * `refundId`, unique, so each refund has at most one note). A later read refreshes status and links.
 */
export async function recordCreditNote(tx: Queryable, note: Stripe.CreditNote, link: { accountId: string; invoiceId: string; refundId: string | null }): Promise<void> {
  await tx
    .insert(creditNotes)
    .values({
      id: note.id,
      invoiceId: link.invoiceId,
      billingAccountId: link.accountId,
      refundId: link.refundId,
      number: note.number,
      status: note.status,
      amountCents: BigInt(note.amount),
      pdfUrl: note.pdf,
      issuedAt: new Date((note.effective_at ?? note.created) * 1000),
    })
    .onConflictDoUpdate({
      target: creditNotes.id,
      set: { status: sql`excluded.status`, number: sql`excluded.number`, pdfUrl: sql`coalesce(excluded.pdf_url, ${creditNotes.pdfUrl})` },
    });
}
