import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

export const invoiceSources = ["checkout", "auto_recharge"] as const;

// Our index of the Stripe invoice behind every credit bought by card (issue 20, lib/invoices). Stripe
// holds the document (number, billing details, hosted page, PDF); this row lets the billing page, the
// statement and reconciliation find it without calling Stripe, and says which credit it paid for:
// a Checkout top-up (`checkout_session_id`) or an auto-recharge (`auto_recharge_id`). Amounts are
// Stripe's integer cents as Stripe reports them: `subtotal_cents` is the credit bought (tax excluded,
// what the ledger credits), `tax_cents` the tax on it, `total_cents` what the card paid. Upserted by
// `recordInvoice` from a fresh read of the invoice, so any order of events ends in the same row.
export const invoices = pgTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    billingAccountId: text("billing_account_id")
      .notNull()
      .references(() => billingAccounts.id),
    source: text("source", { enum: invoiceSources }).notNull(),
    checkoutSessionId: text("checkout_session_id").unique(),
    autoRechargeId: uuid("auto_recharge_id").unique(),
    number: text("number"),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    subtotalCents: bigint("subtotal_cents", { mode: "bigint" }).notNull(),
    taxCents: bigint("tax_cents", { mode: "bigint" }).notNull().default(sql`0`),
    totalCents: bigint("total_cents", { mode: "bigint" }).notNull(),
    amountPaidCents: bigint("amount_paid_cents", { mode: "bigint" }).notNull().default(sql`0`),
    paymentIntentId: text("payment_intent_id"),
    chargeId: text("charge_id"),
    hostedInvoiceUrl: text("hosted_invoice_url"),
    invoicePdfUrl: text("invoice_pdf_url"),
    // When Stripe finalized the invoice (its date), else when it was created.
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("invoices_account_idx").on(table.billingAccountId, table.issuedAt),
    index("invoices_charge_idx").on(table.chargeId),
    check("invoices_amounts", sql`${table.subtotalCents} >= 0 and ${table.taxCents} >= 0 and ${table.totalCents} >= 0`),
    check("invoices_one_source", sql`(${table.source} = 'checkout') = (${table.checkoutSessionId} is not null)`),
  ],
);

// A Stripe credit note issued against one of those invoices when its payment is refunded (one per
// refund: `refund_id` is unique, so a redelivered refund event finds the note it already issued).
export const creditNotes = pgTable(
  "credit_notes",
  {
    id: text("id").primaryKey(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    billingAccountId: text("billing_account_id")
      .notNull()
      .references(() => billingAccounts.id),
    refundId: text("refund_id").unique(),
    number: text("number"),
    status: text("status").notNull(),
    amountCents: bigint("amount_cents", { mode: "bigint" }).notNull(),
    pdfUrl: text("pdf_url"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("credit_notes_invoice_idx").on(table.invoiceId),
    index("credit_notes_account_idx").on(table.billingAccountId, table.issuedAt),
    check("credit_notes_amount", sql`${table.amountCents} > 0`),
  ],
);
