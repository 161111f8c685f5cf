// GET /cn/:id (a credit note's page) and GET /cn/:id/pdf (its `pdf`).
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { sendHtml } from "../http/send";
import { describeCreditNote } from "../pdf/document-model";
import { renderDocumentPdf } from "../pdf/render-document-pdf";
import { sendPdf } from "../pdf/send-pdf";
import { renderDocumentHtml } from "./document-html";
import { escapeHtml, renderMessagePage, renderPage } from "./html";
import type { PageContext, PageHandler } from "./page-types";

function findCreditNote(emulator: Emulator, { res, pathParams }: PageContext) {
  const id = pathParams.id ?? "";
  const note = Object.hasOwn(emulator.state.creditNotes, id) ? emulator.state.creditNotes[id] : undefined;
  if (!note) sendHtml(res, 404, renderMessagePage("Credit note not found", "There is no credit note at this address."));
  return note;
}

export const showCreditNotePage: PageHandler = (emulator, context) => {
  const note = findCreditNote(emulator, context);
  if (!note) return;
  const invoiceId = readId(note.invoice) ?? "";
  const after = `<p><a href="${escapeHtml(`${emulator.config.publicUrl}/i/${invoiceId}`)}">View the invoice</a></p>`;
  const body = renderDocumentHtml(describeCreditNote(emulator, note), { pdfUrl: note.pdf, after });
  sendHtml(context.res, 200, renderPage(`Credit note ${note.number} · Stripe emulator`, body));
};

export const sendCreditNotePdf: PageHandler = async (emulator, context) => {
  const note = findCreditNote(emulator, context);
  if (!note) return;
  sendPdf(context.res, await renderDocumentPdf(describeCreditNote(emulator, note)), `Credit-note-${note.number}.pdf`);
};
