import Link from "next/link";
import { formatDate } from "@/components/account/formats";
import { Money } from "@/components/ui/money";
import type { InvoiceCreditNote, InvoiceDispute, InvoicePage, InvoiceRow } from "@/lib/account/list-invoices";

const MICROS_PER_CENT = 10_000n;
const micros = (cents: bigint) => cents * MICROS_PER_CENT;

const badge = "rounded-full px-2 py-0.5 text-xs font-semibold";

const statusLabel: Record<string, { text: string; className: string }> = {
  paid: { text: "Paid", className: "bg-accent/10 text-accent" },
  open: { text: "Open", className: "bg-warn/10 text-warn" },
  void: { text: "Void", className: "bg-line text-ink-soft" },
  uncollectible: { text: "Uncollectible", className: "bg-danger/10 text-danger" },
  draft: { text: "Draft", className: "bg-line text-ink-soft" },
};

const disputeLabel: Record<InvoiceDispute, { text: string; className: string }> = {
  opened: { text: "Disputed", className: "bg-danger/10 text-danger" },
  won: { text: "Dispute won", className: "bg-accent/10 text-accent" },
  lost: { text: "Dispute lost", className: "bg-danger/10 text-danger" },
};

const link = "font-medium text-brand underline-offset-2 hover:underline";

function CreditNoteItem({
  note,
  invoiceName,
  timeZone,
}: {
  note: InvoiceCreditNote;
  invoiceName: string;
  timeZone: string;
}) {
  const name = note.number ?? "Credit note";
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-testid="credit-note">
      <span className="text-ink-soft">{formatDate(note.issuedAt, timeZone)}</span>
      <span>
        Credit note <span className="font-medium">{note.number}</span>
      </span>
      <span className="tabular-nums">
        −<Money micros={micros(note.amountCents)} />
      </span>
      {note.status === "void" ? <span className={`${badge} bg-line text-ink-soft`}>Void</span> : null}
      {note.pdfUrl ? (
        <a href={note.pdfUrl} className={link} rel="noreferrer" target="_blank">
          PDF
          <span className="sr-only">
            {" "}
            of {name} for {invoiceName} (opens in a new tab)
          </span>
        </a>
      ) : null}
    </li>
  );
}

function InvoiceItem({ invoice, timeZone }: { invoice: InvoiceRow; timeZone: string }) {
  const name = invoice.number ? `invoice ${invoice.number}` : "the invoice";
  const status = statusLabel[invoice.status] ?? { text: invoice.status, className: "bg-line text-ink-soft" };
  // Stripe keeps a refunded invoice `paid`; its credit notes say how much of it was given back.
  const creditedCents = invoice.creditNotes
    .filter((note) => note.status !== "void")
    .reduce((sum, note) => sum + note.amountCents, 0n);
  const refunded = creditedCents <= 0n ? null : creditedCents >= invoice.totalCents ? "Refunded" : "Partly refunded";
  return (
    <li className="py-3" data-testid="invoice-row" data-invoice-number={invoice.number ?? ""}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-40">
          <p className="font-semibold">{invoice.number ?? "Invoice in preparation"}</p>
          <p className="text-ink-soft text-xs">{formatDate(invoice.issuedAt, timeZone)}</p>
        </div>
        <div className="text-right tabular-nums">
          <p className="font-semibold">
            <Money micros={micros(invoice.totalCents)} />
          </p>
          {invoice.taxCents > 0n ? (
            <p className="text-ink-soft text-xs">
              incl. <Money micros={micros(invoice.taxCents)} /> tax
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className={`${badge} ${status.className}`}>{status.text}</span>
          {refunded ? (
            <span className={`${badge} bg-line text-ink-soft`} data-testid="invoice-refunded">
              {refunded}
            </span>
          ) : null}
          {invoice.dispute ? (
            <span className={`${badge} ${disputeLabel[invoice.dispute].className}`} data-testid="invoice-dispute">
              {disputeLabel[invoice.dispute].text}
            </span>
          ) : null}
        </div>
        <div className="flex gap-4 text-sm">
          {invoice.hostedInvoiceUrl ? (
            <a href={invoice.hostedInvoiceUrl} className={link} rel="noreferrer" target="_blank">
              View<span className="sr-only"> {name} (opens in a new tab)</span>
            </a>
          ) : null}
          {invoice.invoicePdfUrl ? (
            <a href={invoice.invoicePdfUrl} className={link} rel="noreferrer" target="_blank" data-testid="invoice-pdf">
              PDF<span className="sr-only"> of {name} (opens in a new tab)</span>
            </a>
          ) : null}
        </div>
      </div>
      {invoice.creditNotes.length > 0 ? (
        <ul className="border-line mt-2 space-y-1 border-l-2 pl-3 text-sm" aria-label={`Credit notes for ${name}`}>
          {invoice.creditNotes.map((note) => (
            <CreditNoteItem key={note.id} note={note} invoiceName={name} timeZone={timeZone} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The account's invoices, newest first, a page at a time: number, date (in the page's time zone),
 * amount with its tax, status, a dispute's badge, links to Stripe's hosted page and PDF, and the credit
 * notes of refunds beneath their invoice. A list rather than a table, so it reads at 375 px.
 */
export function InvoiceList({
  page,
  timeZone,
  olderHref,
  newestHref,
}: {
  page: InvoicePage;
  timeZone: string;
  olderHref: string | null;
  newestHref: string | null;
}) {
  return (
    <section aria-labelledby="invoices-heading" className="border-line bg-paper rounded-2xl border p-6" id="invoices">
      <h2 id="invoices-heading" className="text-base font-semibold">
        Invoices
      </h2>
      {page.invoices.length === 0 ? (
        <p className="text-ink-soft mt-2 text-sm">
          {newestHref
            ? "No older invoices."
            : "No invoices yet. Every card payment gets one, with your billing details, and it shows here."}
        </p>
      ) : (
        <ul className="divide-line mt-3 divide-y text-sm" data-testid="invoice-list">
          {page.invoices.map((invoice) => (
            <InvoiceItem key={invoice.id} invoice={invoice} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {olderHref || newestHref ? (
        <nav aria-label="Invoice pages" className="mt-3 flex gap-4 text-sm">
          {newestHref ? (
            <Link href={newestHref} className={link}>
              Newest invoices
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className={link}>
              Older invoices
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
