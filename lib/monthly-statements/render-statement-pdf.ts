// The monthly statement as a PDF (pdf-lib, standard Helvetica, no network): who issues it, the
// account, the month and its time-zone rule, then the figures of summarizeStatementMonth as the
// statement page shows them: cents, half to even (formatCents), with the exact micro-dollars beside
// every total rounding would hide. No `server-only`: pure, so it is unit-tested on its own.
import { exactTitle, formatCents, formatExactMicros } from "@/lib/format/money";
import { PdfWriter } from "./pdf-writer";
import type { CreditInvoice, MonthlyStatement } from "./read-monthly-statement";
import { monthLabel, monthPeriod } from "./statement-month";
import { KIND_LABELS } from "@/lib/account/statement-kinds";
import type { StatementCredit } from "./summarize-statement-month";

export type StatementIssuer = { name: string; contactEmail: string };

/** "$1.23", or "$1.23 (exact $1.234567)" when the cents hide something. */
export function amountText(micros: bigint, options: { plusSign?: boolean } = {}): string {
  const cents = formatCents(micros, options);
  return exactTitle(micros) === undefined ? cents : `${cents} (exact ${formatExactMicros(micros, options)})`;
}


const timeText = (at: Date) => `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;

function creditLabel(credit: StatementCredit, invoice: CreditInvoice | undefined): string {
  if (credit.kind !== "top_up") return KIND_LABELS[credit.kind];
  return invoice?.isAutoRecharge ? "Auto-recharge" : KIND_LABELS.top_up;
}

function section(pdf: PdfWriter, title: string, total: bigint): void {
  pdf.space(8);
  pdf.keep(40);
  pdf.row(
    [
      { text: title, x: pdf.left, isBold: true },
      { text: amountText(total, { plusSign: true }), x: pdf.right, align: "right", isBold: true },
    ],
    11,
  );
  pdf.rule();
}

function movementRows(pdf: PdfWriter, items: StatementCredit[], invoices: Map<bigint, CreditInvoice>): void {
  for (const item of items) {
    const invoice = invoices.get(item.entryId);
    // The invoice number has a column of its own: it is what a bookkeeper matches, never cut short.
    pdf.row([
      { text: timeText(item.at), x: pdf.left, width: 105 },
      { text: creditLabel(item, invoice), x: pdf.left + 110, width: 80 },
      { text: invoice?.number ?? "", x: pdf.left + 195, width: 85 },
      { text: item.description ?? "", x: pdf.left + 285, width: 75, isSoft: true },
      { text: amountText(item.amountMicros, { plusSign: true }), x: pdf.right, align: "right" },
    ]);
  }
}

/** The statement's PDF bytes; `issuer` is the company that runs the site (getEnv().company). */
export async function renderStatementPdf(statement: MonthlyStatement, issuer: StatementIssuer): Promise<Uint8Array> {
  const { figures } = statement;
  const label = monthLabel(statement.month);
  const pdf = await PdfWriter.create(`Statement for ${label}`);
  const { from, to } = monthPeriod(statement.month);
  const lastDay = new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);

  pdf.text(issuer.name, { size: 16, isBold: true });
  pdf.text(issuer.contactEmail, { isSoft: true });
  pdf.space(10);
  pdf.text(statement.isPartial ? `Statement for ${label}, so far` : `Statement for ${label}`, {
    size: 14,
    isBold: true,
  });
  pdf.text(`Account ${statement.accountId}${statement.ownerEmail ? ` - ${statement.ownerEmail}` : ""}`);
  pdf.text(`${from.toISOString().slice(0, 10)} to ${lastDay}, days in UTC as on the statement page`, { isSoft: true });
  if (statement.isPartial)
    pdf.text(`The month is not over: figures as of ${timeText(statement.asOf)}.`, { isSoft: true });
  pdf.space(8);

  const summary: Array<[string, bigint, boolean]> = [
    ["Opening balance", figures.openingMicros, false],
    ["Credits", figures.creditsMicros, true],
    ["Usage", figures.usageMicros, true],
    ["Refunds, disputes and adjustments", figures.otherMicros, true],
    ["Closing balance", figures.closingMicros, false],
  ];
  for (const [name, micros, isChange] of summary) {
    const isBalance = !isChange;
    pdf.row([
      { text: name, x: pdf.left, isBold: isBalance },
      { text: amountText(micros, { plusSign: isChange }), x: pdf.right, align: "right", isBold: isBalance },
    ]);
  }
  if (!figures.hasActivity) pdf.text("No activity this month: the balance did not change.", { isSoft: true });

  section(pdf, "Credits", figures.creditsMicros);
  if (figures.credits.length === 0) pdf.text("No credits this month.", { isSoft: true });
  movementRows(pdf, figures.credits, statement.invoices);

  section(pdf, "Usage by space", figures.usageMicros);
  if (figures.usageBySpace.length === 0) pdf.text("No usage this month.", { isSoft: true });
  for (const space of figures.usageBySpace) {
    pdf.row([
      { text: space.name, x: pdf.left, width: 330 },
      { text: amountText(-space.costMicros), x: pdf.right, align: "right" },
    ]);
  }
  if (figures.usageBySpace.length > 0) {
    pdf.row([
      { text: "Usage rated", x: pdf.left, isSoft: true },
      { text: amountText(-figures.usageRatedMicros), x: pdf.right, align: "right", isSoft: true },
    ]);
  }
  if (figures.writtenOffMicros !== 0n) {
    pdf.row([
      { text: "Usage past the floor, written off", x: pdf.left, isSoft: true },
      { text: amountText(figures.writtenOffMicros, { plusSign: true }), x: pdf.right, align: "right", isSoft: true },
    ]);
  }

  section(pdf, "Refunds, disputes and adjustments", figures.otherMicros);
  if (figures.otherMovements.length === 0) pdf.text("None this month.", { isSoft: true });
  movementRows(pdf, figures.otherMovements, statement.invoices);

  return pdf.finish(`${issuer.name} - statement for ${label} - account ${statement.accountId}`);
}
