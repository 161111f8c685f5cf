import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { DocumentModel } from "./document-model";

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const GREY = rgb(0.35, 0.38, 0.44);
const INK = rgb(0.1, 0.12, 0.21);

// Helvetica (a standard font, nothing to download) only encodes WinAnsi: other characters become "?".
function encodable(font: PDFFont, text: string): string {
  let safe = "";
  for (const char of text) {
    try {
      font.widthOfTextAtSize(char, 10);
      safe += char;
    } catch {
      safe += "?";
    }
  }
  return safe;
}

// Splits text into lines that fit `maxWidth` at 10 pt (long words are cut).
function wrapText(font: PDFFont, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of encodable(font, text).split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, 10) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, 10) > maxWidth && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), 10) > maxWidth) cut -= 1;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  return lines;
}

type Cursor = { page: PDFPage; y: number };

function createWriter(pdf: PDFDocument, regular: PDFFont, bold: PDFFont) {
  const cursor: Cursor = { page: pdf.addPage([PAGE.width, PAGE.height]), y: PAGE.height - PAGE.margin };
  const ensureRoom = (height: number) => {
    if (cursor.y - height >= PAGE.margin) return;
    cursor.page = pdf.addPage([PAGE.width, PAGE.height]);
    cursor.y = PAGE.height - PAGE.margin;
  };
  const text = (
    value: string,
    x: number,
    options: { size?: number; isBold?: boolean; isGrey?: boolean; alignRight?: boolean } = {},
  ) => {
    const font = options.isBold ? bold : regular;
    const size = options.size ?? 10;
    const safe = encodable(font, value);
    const left = options.alignRight ? x - font.widthOfTextAtSize(safe, size) : x;
    cursor.page.drawText(safe, { x: left, y: cursor.y, size, font, color: options.isGrey ? GREY : INK });
  };
  const advance = (height: number) => {
    cursor.y -= height;
    ensureRoom(0);
  };
  const rule = () => {
    cursor.page.drawLine({
      start: { x: PAGE.margin, y: cursor.y + 4 },
      end: { x: PAGE.width - PAGE.margin, y: cursor.y + 4 },
      thickness: 0.5,
      color: GREY,
    });
  };
  const paragraph = (value: string, x: number, maxWidth: number, options: { isGrey?: boolean } = {}) => {
    for (const line of wrapText(regular, value, maxWidth)) {
      text(line, x, options);
      advance(14);
    }
  };
  return { text, advance, rule, ensureRoom, paragraph };
}

// A one-column A4 document: title, issuer, facts, bill-to, lines, totals, status and notes.
export async function renderDocumentPdf(model: DocumentModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${model.kind} ${model.number}`);
  pdf.setAuthor(model.issuer);
  pdf.setProducer("Stripe emulator");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const write = createWriter(pdf, regular, bold);
  const right = PAGE.width - PAGE.margin;
  write.text(model.kind, PAGE.margin, { size: 22, isBold: true });
  write.text(model.issuer, right, { size: 12, isBold: true, alignRight: true });
  write.advance(34);
  for (const [label, value] of model.facts) {
    write.text(label, PAGE.margin, { isGrey: true });
    write.text(value, PAGE.margin + 130, {});
    write.advance(15);
  }
  write.advance(12);
  write.text("Bill to", PAGE.margin, { isBold: true });
  write.advance(15);
  for (const line of model.billTo) write.paragraph(line, PAGE.margin, right - PAGE.margin);
  write.advance(16);
  write.text("Description", PAGE.margin, { isBold: true, isGrey: true });
  write.text("Qty", right - 120, { isBold: true, isGrey: true, alignRight: true });
  write.text("Amount", right, { isBold: true, isGrey: true, alignRight: true });
  write.advance(16);
  for (const line of model.lines) {
    write.rule();
    write.text(line.quantity, right - 120, { alignRight: true });
    write.text(line.amount, right, { alignRight: true });
    write.paragraph(line.description, PAGE.margin, right - 160 - PAGE.margin);
    write.advance(4);
  }
  write.rule();
  write.advance(8);
  for (const [label, value] of model.totals) {
    const isTotal = label === "Total" || label === "Total credited";
    write.text(label, right - 120, { alignRight: true, isBold: isTotal });
    write.text(value, right, { alignRight: true, isBold: isTotal });
    write.advance(16);
  }
  write.advance(12);
  write.text(model.status, PAGE.margin, { size: 12, isBold: true });
  write.advance(20);
  for (const note of model.notes) write.paragraph(note, PAGE.margin, right - PAGE.margin, { isGrey: true });
  return pdf.save();
}
