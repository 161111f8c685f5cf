import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";
import { StandingNote, type StandingChangeNote } from "./standing-change";

/**
 * The payment's invoice, folded into its receipt when the invoice was recorded paid before the receipt
 * went out (lib/invoices/enqueue-invoice-emails.ts): one money event, one email. Cents as micro strings.
 */
export type ReceiptInvoice = {
  number: string;
  hostedInvoiceUrl: string | null;
  invoicePdfUrl: string | null;
  /** The credit bought, tax excluded. */
  subtotalMicros: MicrosText;
  /** "0" when the invoice carries no tax: then no tax line is shown. */
  taxMicros: MicrosText;
  totalMicros: MicrosText;
};

/**
 * A payment notice (receipt, refund, dispute opened or won). It also says what the same transaction did
 * to the account's standing (`standing`): one money event, one email (lib/payments/payment-notices.ts).
 */
export type PaymentNoticeData = {
  amountMicros: MicrosText;
  balanceMicros: MicrosText;
  /** Stripe's card receipt (receipts only). */
  receiptUrl?: string | null;
  /** The credit came from auto-recharge, not a Checkout top-up (receipts only). */
  isAutoRecharge?: boolean;
  standing?: StandingChangeNote;
  /** The payment's invoice (receipts only), instead of a separate "Invoice <number>" email. */
  invoice?: ReceiptInvoice;
};

/** The invoice inside a receipt: its number, the tax when there is some, and its two links. */
function InvoiceNote({ invoice }: { invoice: ReceiptInvoice }) {
  const hasTax = BigInt(invoice.taxMicros) > 0n;
  return (
    <>
      <Paragraph>{`Invoice ${invoice.number}`}</Paragraph>
      <Figures
        rows={
          hasTax
            ? [
                ["Prepaid credit", formatCents(BigInt(invoice.subtotalMicros))],
                ["Tax", formatCents(BigInt(invoice.taxMicros))],
                ["Total paid", formatCents(BigInt(invoice.totalMicros))],
              ]
            : [["Total paid", formatCents(BigInt(invoice.totalMicros))]]
        }
      />
      {invoice.hostedInvoiceUrl ? <SecondaryLink href={invoice.hostedInvoiceUrl}>View invoice</SecondaryLink> : null}
      {invoice.invoicePdfUrl ? <SecondaryLink href={invoice.invoicePdfUrl}>Download PDF</SecondaryLink> : null}
    </>
  );
}

type Words = {
  subject: (amount: string) => string;
  heading: (amount: string) => string;
  body: (data: PaymentNoticeData, amount: string) => string;
};

function noticeTemplate(words: Words): EmailTemplate<PaymentNoticeData> {
  return {
    subject: (data) => {
      const subject = words.subject(formatCents(BigInt(data.amountMicros)));
      // A freeze is news that cannot wait for the email to be opened.
      return data.standing?.to === "frozen" ? `${subject}: your apps are frozen` : subject;
    },
    Body: (data) => {
      const amount = formatCents(BigInt(data.amountMicros));
      const billing = `${getEnv().appUrl}/account/billing`;
      return (
        <EmailLayout
          preview={words.body(data, amount)}
          reason="You got this email because money moved on your Tandem account. Receipts, refunds and disputes are always emailed."
        >
          <EmailHeading>{words.heading(amount)}</EmailHeading>
          <Paragraph>{words.body(data, amount)}</Paragraph>
          <Figures
            rows={[
              ["Amount", amount],
              ["Balance now", formatCents(BigInt(data.balanceMicros))],
            ]}
          />
          {data.standing ? <StandingNote {...data.standing} /> : null}
          {data.standing?.to === "frozen" ? null : <EmailButton href={billing}>See your billing</EmailButton>}
          {data.invoice ? <InvoiceNote invoice={data.invoice} /> : null}
          {data.receiptUrl ? <SecondaryLink href={data.receiptUrl}>Card receipt</SecondaryLink> : null}
          {data.standing?.to === "frozen" ? <SecondaryLink href={billing}>See your billing</SecondaryLink> : null}
        </EmailLayout>
      );
    },
  };
}

export const paymentReceiptEmail = noticeTemplate({
  subject: (amount) => `Receipt: ${amount} added to your Tandem balance`,
  heading: (amount) => `${amount} added to your balance`,
  body: (data, amount) =>
    data.isAutoRecharge
      ? `Auto-recharge charged your saved card ${amount} and added it to your prepaid credit.`
      : `Thank you: ${amount} of prepaid credit was added to your account.`,
});

export const paymentRefundEmail = noticeTemplate({
  subject: (amount) => `Refund: ${amount} returned to your card`,
  heading: (amount) => `${amount} refunded`,
  body: (_data, amount) => `${amount} was refunded to your card and taken off your prepaid credit.`,
});

export const paymentDisputeOpenedEmail = noticeTemplate({
  subject: (amount) => `A ${amount} payment to Tandem is disputed`,
  heading: (amount) => `A ${amount} payment is disputed`,
  body: (_data, amount) =>
    `Your bank disputed a ${amount} top-up, so that credit is on hold while the dispute is open.`,
});

export const paymentDisputeWonEmail = noticeTemplate({
  subject: (amount) => `Dispute closed: ${amount} credit restored`,
  heading: (amount) => `${amount} credit restored`,
  body: (_data, amount) => `The dispute over a ${amount} top-up was closed in our favour, so the credit is back.`,
});
