import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { createId } from "../core/ids";

export type CreditLineRequest = {
  type: "invoice_line_item" | "custom_line_item";
  invoice_line_item?: string;
  amount?: number;
  quantity?: number;
  unit_amount?: number;
  description?: string;
  metadata?: Stripe.Metadata;
};

const lineTaxOf = (line: Stripe.InvoiceLineItem) => (line.taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);

function buildCreditLine(
  amount: number,
  tax: number,
  source: {
    line?: Stripe.InvoiceLineItem;
    description: string | null;
    quantity: number | null;
    metadata?: Stripe.Metadata;
  },
): Stripe.CreditNoteLineItem {
  const template = source.line?.taxes?.[0];
  return {
    id: createId("cnli"),
    object: "credit_note_line_item",
    amount,
    description: source.description,
    discount_amount: 0,
    discount_amounts: [],
    ...(source.line ? { invoice_line_item: source.line.id } : {}),
    livemode: false,
    metadata: source.metadata ?? {},
    pretax_credit_amounts: [],
    quantity: source.quantity,
    tax_rates: [],
    taxes: template
      ? [
          {
            amount: tax,
            tax_behavior: template.tax_behavior,
            tax_rate_details: template.tax_rate_details && { ...template.tax_rate_details },
            taxability_reason: template.taxability_reason,
            taxable_amount: amount,
            type: "tax_rate_details",
          },
        ]
      : [],
    type: source.line ? "invoice_line_item" : "custom_line_item",
    unit_amount: source.quantity ? Math.round(amount / source.quantity) : amount,
    unit_amount_decimal: null,
  };
}

// `amount` is a total with tax: spread it over the invoice's lines by their share of the total,
// and within a line split tax from the net at the line's own ratio (the last line takes the rest).
function planFromAmount(invoice: Stripe.Invoice, amount: number): Stripe.CreditNoteLineItem[] {
  const lines = invoice.lines.data.filter((line) => line.amount + lineTaxOf(line) > 0);
  if (lines.length === 0) throw invalidRequestError("This invoice has nothing to credit.", { param: "invoice" });
  const invoiceTotal = lines.reduce((sum, line) => sum + line.amount + lineTaxOf(line), 0);
  let left = amount;
  return lines.map((line, index) => {
    const lineTotal = line.amount + lineTaxOf(line);
    const share = index === lines.length - 1 ? left : Math.round((amount * lineTotal) / invoiceTotal);
    left -= share;
    const tax = Math.round((share * lineTaxOf(line)) / lineTotal);
    return buildCreditLine(share - tax, tax, { line, description: line.description, quantity: line.quantity });
  });
}

function planFromLine(invoice: Stripe.Invoice, request: CreditLineRequest, index: number): Stripe.CreditNoteLineItem {
  const param = `lines[${index}]`;
  if (request.type === "custom_line_item") {
    if (request.unit_amount === undefined) {
      throw invalidRequestError(`Missing required param: ${param}[unit_amount].`, { param: `${param}[unit_amount]` });
    }
    const quantity = request.quantity ?? 1;
    return buildCreditLine(request.unit_amount * quantity, 0, {
      description: request.description ?? null,
      quantity,
      metadata: request.metadata,
    });
  }
  const line = invoice.lines.data.find((candidate) => candidate.id === request.invoice_line_item);
  if (!line) {
    throw invalidRequestError(`No such invoice line item: '${request.invoice_line_item ?? ""}'`, {
      param: `${param}[invoice_line_item]`,
      code: "resource_missing",
    });
  }
  const quantity = request.quantity ?? line.quantity ?? 1;
  const amount = request.amount ?? (line.quantity ? Math.round((line.amount * quantity) / line.quantity) : line.amount);
  if (amount > line.amount) {
    throw invalidRequestError(`The amount of ${param} is greater than the invoice line's amount.`, {
      param: `${param}[amount]`,
    });
  }
  const tax = line.amount === 0 ? 0 : Math.round((lineTaxOf(line) * amount) / line.amount);
  return buildCreditLine(amount, tax, {
    line,
    description: request.description ?? line.description,
    quantity,
    metadata: request.metadata,
  });
}

// The credit note's lines from either `lines` (net amounts; tax follows each invoice line's rate)
// or `amount` (a total including tax), as Stripe accepts both.
export function planCreditLines(
  invoice: Stripe.Invoice,
  request: { amount?: number; lines?: CreditLineRequest[] },
): Stripe.CreditNoteLineItem[] {
  if (request.lines && request.lines.length > 0) {
    return request.lines.map((line, index) => planFromLine(invoice, line, index));
  }
  if (request.amount === undefined) {
    throw invalidRequestError("You must pass either `amount` or `lines` to create a credit note.", { param: "amount" });
  }
  if (request.amount <= 0) throw invalidRequestError("Invalid positive integer", { param: "amount" });
  return planFromAmount(invoice, request.amount);
}
