import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";

/**
 * The invoice of a card payment, once Stripe reports it paid (lib/invoices/record-invoice.ts): one per
 * invoice and recipient, so the owner and the finance person each have the document to file. Amounts
 * are the invoice's own (cents as micro-dollar strings): the credit bought, the tax on it, the total.
 */
export type InvoiceEmailData = {
  number: string;
  /** The credit bought, tax excluded. */
  subtotalMicros: MicrosText;
  /** "0" when the invoice carries no tax: then no tax line is shown. */
  taxMicros: MicrosText;
  totalMicros: MicrosText;
  /** When the invoice was issued (ISO). */
  issuedAt: string;
  hostedInvoiceUrl: string | null;
  invoicePdfUrl: string | null;
};

export const invoiceEmail: EmailTemplate<InvoiceEmailData> = {
  subject: (data) => `Invoice ${data.number}`,
  Body: (data) => {
    const total = formatCents(BigInt(data.totalMicros));
    const hasTax = BigInt(data.taxMicros) > 0n;
    const rows: Array<[string, string]> = hasTax
      ? [
          ["Prepaid credit", formatCents(BigInt(data.subtotalMicros))],
          ["Tax", formatCents(BigInt(data.taxMicros))],
          ["Total paid", total],
        ]
      : [["Total paid", total]];
    const billing = `${getEnv().appUrl}/account/billing`;
    return (
      <EmailLayout
        preview={`Invoice ${data.number} for ${total} of prepaid credit, paid.`}
        reason="You got this email because a payment to your Tandem account was invoiced. Invoices go to the owner and the billing contacts."
      >
        <EmailHeading>Invoice {data.number}</EmailHeading>
        <Paragraph>
          Your payment of {total} for prepaid credit is paid in full. The invoice carries your billing details.
        </Paragraph>
        <Figures rows={[["Invoice", data.number], ...rows]} />
        {data.hostedInvoiceUrl ? (
          <EmailButton href={data.hostedInvoiceUrl}>View the invoice</EmailButton>
        ) : (
          <EmailButton href={billing}>See your billing</EmailButton>
        )}
        {data.invoicePdfUrl ? <SecondaryLink href={data.invoicePdfUrl}>Download the PDF</SecondaryLink> : null}
      </EmailLayout>
    );
  },
};
