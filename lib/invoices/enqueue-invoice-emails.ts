import "server-only";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import type { Queryable } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";

const MICROS_PER_CENT = 10_000n;

export type PaidInvoiceEmail = {
  id: string;
  billingAccountId: string;
  number: string;
  subtotalCents: bigint;
  taxCents: bigint;
  totalCents: bigint;
  issuedAt: Date;
  hostedInvoiceUrl: string | null;
  invoicePdfUrl: string | null;
};

/**
 * The "Invoice <number>" email, in the caller's transaction, to the account's owner (key `invoice:<id>`)
 * and every confirmed billing contact (`invoice:<id>:<recipient key>`, with its unsubscribe link): the
 * finance person files the invoices. The keys make a replay record nothing more.
 */
export async function enqueueInvoiceEmails(tx: Queryable, invoice: PaidInvoiceEmail): Promise<bigint[]> {
  const data = {
    number: invoice.number,
    subtotalMicros: (invoice.subtotalCents * MICROS_PER_CENT).toString(),
    taxMicros: (invoice.taxCents * MICROS_PER_CENT).toString(),
    totalMicros: (invoice.totalCents * MICROS_PER_CENT).toString(),
    issuedAt: invoice.issuedAt.toISOString(),
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
    invoicePdfUrl: invoice.invoicePdfUrl,
  };
  const key = `invoice:${invoice.id}`;
  const ids: bigint[] = [];
  for (const recipient of await listRecipients(tx, invoice.billingAccountId)) {
    ids.push(
      await enqueueEmail(tx, {
        key: recipient.key === "owner" ? key : `${key}:${recipient.key}`,
        accountId: invoice.billingAccountId,
        to: recipient.address,
        template: "invoice",
        data: recipient.unsubscribeUrl ? { ...data, unsubscribeUrl: recipient.unsubscribeUrl } : data,
      }),
    );
  }
  return ids;
}
