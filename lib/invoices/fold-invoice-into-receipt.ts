import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { ReceiptInvoice } from "@/lib/email/templates/payment-notice";

/**
 * Adds the invoice to one recipient's receipt email if it is still unsent: one money event, one email.
 * The update waits for a sender holding the row (`for update skip locked` while it sends) and then sees
 * its `sent_at`, so an email already on its way is never changed and the caller sends the invoice on its
 * own. Answers the receipt row's id when the invoice now rides in it.
 */
export async function foldInvoiceIntoReceipt(tx: Queryable, receiptKey: string, invoice: ReceiptInvoice): Promise<bigint | undefined> {
  const folded = await tx.execute<{ id: string }>(sql`
    update email_outbox set data = data || jsonb_build_object('invoice', ${JSON.stringify(invoice)}::jsonb)
    where idempotency_key = ${receiptKey} and template = 'payment-receipt' and sent_at is null and data is not null
    returning id::text`);
  const id = folded.rows[0]?.id;
  return id === undefined ? undefined : BigInt(id);
}
