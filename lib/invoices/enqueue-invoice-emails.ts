import "server-only";
import { sql } from "drizzle-orm";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import type { Queryable } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { foldInvoiceIntoReceipt } from "./fold-invoice-into-receipt";

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
 * The receipt's outbox key for the payment credited under `ledgerKey` (`checkout:<session>`,
 * `payment_intent:<pi>`): `payment-notice:<transfer>` (lib/payments/payment-notices.ts, which this layer
 * does not import, so it reads the ledger directly). Undefined while the payment is not credited.
 */
async function receiptKeyOf(tx: Queryable, ledgerKey: string): Promise<string | undefined> {
  const found = await tx.execute<{ id: string }>(sql`select id::text from transfers where idempotency_key = ${ledgerKey}`);
  const id = found.rows[0]?.id;
  return id === undefined ? undefined : `payment-notice:${id}`;
}

/**
 * The invoice, in the caller's transaction, to the account's owner and every confirmed billing contact
 * (the finance person files the invoices). One money event, one email: a recipient whose receipt for the
 * same payment (found by `receiptLedgerKey`, the credit's ledger key) is still unsent gets the invoice in
 * that receipt; anyone else (the receipt already went out, or the payment is not credited yet) gets the
 * "Invoice <number>" email, keyed `invoice:<id>` for the owner and `invoice:<id>:<recipient key>` for a
 * contact (with its unsubscribe link). The caller records an invoice paid once, and the keys make a
 * replay record nothing more. Answers the outbox rows to send after the commit.
 */
export async function enqueueInvoiceEmails(tx: Queryable, invoice: PaidInvoiceEmail, receiptLedgerKey: string | null): Promise<bigint[]> {
  const receiptKey = receiptLedgerKey ? await receiptKeyOf(tx, receiptLedgerKey) : undefined;
  const inReceipt = {
    number: invoice.number,
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
    invoicePdfUrl: invoice.invoicePdfUrl,
    subtotalMicros: (invoice.subtotalCents * MICROS_PER_CENT).toString(),
    taxMicros: (invoice.taxCents * MICROS_PER_CENT).toString(),
    totalMicros: (invoice.totalCents * MICROS_PER_CENT).toString(),
  };
  const data = { ...inReceipt, issuedAt: invoice.issuedAt.toISOString() };
  const key = `invoice:${invoice.id}`;
  const ids: bigint[] = [];
  for (const recipient of await listRecipients(tx, invoice.billingAccountId)) {
    if (receiptKey) {
      const receipt = recipient.key === "owner" ? receiptKey : `${receiptKey}:${recipient.key}`;
      const folded = await foldInvoiceIntoReceipt(tx, receipt, inReceipt);
      if (folded !== undefined) {
        ids.push(folded);
        continue;
      }
    }
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
