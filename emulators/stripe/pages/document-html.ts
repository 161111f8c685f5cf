import type { DocumentModel } from "../pdf/document-model";
import { escapeHtml } from "./html";

// The hosted page's body for an invoice or a credit note, from the same model as the PDF.
export function renderDocumentHtml(model: DocumentModel, extra: { pdfUrl: string; after?: string }): string {
  const facts = model.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  const billTo = model.billTo.map((line) => `${escapeHtml(line)}`).join("<br>");
  const lines = model.lines.map(
    (line) =>
      `<li><span>${escapeHtml(line.description)}${line.quantity === "1" ? "" : ` × ${escapeHtml(line.quantity)}`}</span><span>${escapeHtml(line.amount)}</span></li>`,
  );
  const totals = model.totals.map(([label, value]) => {
    const isTotal = label === "Total" || label === "Total credited";
    const cells = `<span>${escapeHtml(label)}</span><span>${escapeHtml(value)}</span>`;
    return isTotal ? `<li><strong>${cells}</strong></li>` : `<li>${cells}</li>`;
  });
  const notes = model.notes.map((note) => `<p class="muted">${escapeHtml(note)}</p>`).join("\n");
  return `<style>dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dl.facts dt{color:#596171}dl.facts dd{margin:0}ul.items li strong{display:contents}</style>
<h1>${escapeHtml(model.kind)} ${escapeHtml(model.number)}</h1>
<p class="muted">${escapeHtml(model.issuer)}</p>
<p><strong>${escapeHtml(model.status)}</strong></p>
<dl class="facts">
${facts.join("\n")}
</dl>
<h2>Billed to</h2>
<p>${billTo || '<span class="muted">—</span>'}</p>
<h2>Items</h2>
<ul class="items">
${lines.join("\n")}
</ul>
<ul class="items">
${totals.join("\n")}
</ul>
${extra.after ?? ""}
${notes}
<p><a href="${escapeHtml(extra.pdfUrl)}">Download PDF</a></p>`;
}
