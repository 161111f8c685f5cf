// GET /i/:id (the hosted_invoice_url) and GET /i/:id/pdf (the invoice_pdf).
import { invoiceUrls } from "../invoices/finalize-invoice";
import { sendHtml } from "../http/send";
import { creditNotesOf, describeInvoice } from "../pdf/document-model";
import { renderDocumentPdf } from "../pdf/render-document-pdf";
import { sendPdf } from "../pdf/send-pdf";
import type { Emulator } from "../emulator";
import { renderDocumentHtml } from "./document-html";
import { escapeHtml, renderMessagePage, renderPage } from "./html";
import type { PageContext, PageHandler } from "./page-types";

// Drafts have no hosted page in Stripe either: only finalized invoices are shown.
function findShownInvoice(emulator: Emulator, { res, pathParams }: PageContext) {
  const id = pathParams.id ?? "";
  const invoice = Object.hasOwn(emulator.state.invoices, id) ? emulator.state.invoices[id] : undefined;
  if (invoice && invoice.status !== "draft") return invoice;
  sendHtml(res, 404, renderMessagePage("Invoice not found", "There is no invoice at this address."));
  return undefined;
}

export const showInvoicePage: PageHandler = (emulator, context) => {
  const invoice = findShownInvoice(emulator, context);
  if (!invoice) return;
  const notes = creditNotesOf(emulator, invoice.id).map(
    (note) =>
      `<li><a href="${escapeHtml(`${emulator.config.publicUrl}/cn/${note.id}`)}">Credit note ${escapeHtml(note.number)}</a></li>`,
  );
  const after = notes.length > 0 ? `<h2>Credit notes</h2>\n<ul>\n${notes.join("\n")}\n</ul>` : "";
  const body = renderDocumentHtml(describeInvoice(emulator, invoice), {
    pdfUrl: invoiceUrls(emulator, invoice.id).pdf,
    after,
  });
  sendHtml(context.res, 200, renderPage(`Invoice ${invoice.number ?? ""} · Stripe emulator`, body));
};

export const sendInvoicePdf: PageHandler = async (emulator, context) => {
  const invoice = findShownInvoice(emulator, context);
  if (!invoice) return;
  const bytes = await renderDocumentPdf(describeInvoice(emulator, invoice));
  sendPdf(context.res, bytes, `Invoice-${invoice.number ?? invoice.id}.pdf`);
};
