// A small line-by-line writer over pdf-lib for documents of text rows: standard Helvetica (no font
// files, no network), US Letter pages that break where the next row would not fit, and text the
// standard font cannot encode (a space name in another script) replaced rather than failing the PDF.
// No `server-only`: pure, so it is unit-tested on its own.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

const PAGE = { width: 612, height: 792, margin: 54 } as const;
const INK = rgb(0.1, 0.1, 0.12);
const SOFT = rgb(0.38, 0.38, 0.42);

export type Cell = {
  text: string;
  x: number;
  align?: "left" | "right";
  width?: number;
  isBold?: boolean;
  isSoft?: boolean;
};

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  readonly right = PAGE.width - PAGE.margin;
  readonly left = PAGE.margin;

  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly encodable: ReadonlySet<number>,
  ) {
    this.newPage();
  }

  static async create(title: string): Promise<PdfWriter> {
    // Fixed dates: the same statement gives the same bytes (no clock in the document).
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(title);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new PdfWriter(doc, font, bold, new Set(font.getCharacterSet()));
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
  }

  /** The text as the standard font can draw it: other characters become "?", control characters spaces. */
  safe(text: string): string {
    return Array.from(text.replace(/[\u0000-\u001f\u007f]/g, " "))
      .map((char) => (this.encodable.has(char.codePointAt(0)!) ? char : "?"))
      .join("");
  }

  /** Cut to `width` points with "...", so a long name never runs into the next column. */
  fit(text: string, width: number, size: number, isBold = false): string {
    const font = isBold ? this.bold : this.font;
    const safe = this.safe(text);
    if (font.widthOfTextAtSize(safe, size) <= width) return safe;
    let cut = safe;
    while (cut.length > 0 && font.widthOfTextAtSize(`${cut}...`, size) > width) cut = cut.slice(0, -1);
    return `${cut}...`;
  }

  /** Moves down `height` points, first starting a new page if the row would cross the bottom margin. */
  private advance(height: number): void {
    if (this.y - height < PAGE.margin + 24) this.newPage();
    this.y -= height;
  }

  /** Keeps the next `height` points together (a heading with its first row). */
  keep(height: number): void {
    if (this.y - height < PAGE.margin + 24) this.newPage();
  }

  row(cells: Cell[], size = 10, gap = 4): void {
    this.advance(size + gap);
    for (const cell of cells) {
      const font = cell.isBold ? this.bold : this.font;
      const text = cell.width ? this.fit(cell.text, cell.width, size, cell.isBold) : this.safe(cell.text);
      const x = cell.align === "right" ? cell.x - font.widthOfTextAtSize(text, size) : cell.x;
      this.page.drawText(text, { x, y: this.y, size, font, color: cell.isSoft ? SOFT : INK });
    }
  }

  text(text: string, options: { size?: number; isBold?: boolean; isSoft?: boolean } = {}): void {
    this.row(
      [{ text, x: this.left, width: this.right - this.left, isBold: options.isBold, isSoft: options.isSoft }],
      options.size ?? 10,
    );
  }

  space(height: number): void {
    this.advance(height);
  }

  rule(): void {
    this.advance(6);
    this.page.drawLine({
      start: { x: this.left, y: this.y + 3 },
      end: { x: this.right, y: this.y + 3 },
      thickness: 0.5,
      color: SOFT,
    });
  }

  /** "Page n of m" and a line of its own at the foot of every page, once every page exists. */
  async finish(footer: string): Promise<Uint8Array> {
    this.pages.forEach((page, index) => {
      const size = 8;
      page.drawText(this.safe(footer), { x: this.left, y: PAGE.margin - 20, size, font: this.font, color: SOFT });
      const label = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(label, {
        x: this.right - this.font.widthOfTextAtSize(label, size),
        y: PAGE.margin - 20,
        size,
        font: this.font,
        color: SOFT,
      });
    });
    return this.doc.save();
  }
}
