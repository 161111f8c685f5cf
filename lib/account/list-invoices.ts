import "server-only";
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { autoRecharges, creditNotes, invoices, stripeEvents, topUps, transfers } from "@/lib/db/schema";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";

/** Invoices a page of the billing page shows; "Older invoices" opens the next. */
export const INVOICE_PAGE_SIZE = 12;

/** An invoice id as a cursor: Stripe's `in_…`, nothing else reaches a query. */
export const invoiceCursorSchema = z.string().regex(/^in_[A-Za-z0-9_]{1,200}$/);

export type InvoiceDispute = "opened" | "won" | "lost";

export type InvoiceCreditNote = {
  id: string;
  number: string | null;
  amountCents: bigint;
  status: string;
  pdfUrl: string | null;
  issuedAt: Date;
};

export type InvoiceRow = {
  id: string;
  number: string | null;
  status: string;
  issuedAt: Date;
  subtotalCents: bigint;
  taxCents: bigint;
  totalCents: bigint;
  hostedInvoiceUrl: string | null;
  invoicePdfUrl: string | null;
  creditNotes: InvoiceCreditNote[];
  /** The latest dispute of the invoice's payment, as the ledger and the stored dispute events have it. */
  dispute: InvoiceDispute | null;
};

export type InvoicePage = { invoices: InvoiceRow[]; nextCursor: string | null };

/**
 * Each invoice's dispute, from what the site already stored: the `dispute` transfer that reversed its
 * credit (its metadata names the dispute), a `dispute_won:<id>` transfer, else a processed
 * `charge.dispute.closed` event (closed and not won: lost). Disputes are rare, so the search starts
 * from the platform's disputes account (transfers_to_idx), never from the customer's many postings.
 */
async function disputesOf(db: Queryable, creditOf: Map<string, bigint>): Promise<Map<string, InvoiceDispute>> {
  if (creditOf.size === 0) return new Map();
  const system = await getSystemAccounts(db);
  const held = await db
    .select({ reverses: transfers.reversesTransferId, disputeId: sql<string>`${transfers.metadata}->>'dispute_id'` })
    .from(transfers)
    .where(
      and(
        eq(transfers.toAccountId, system.disputes),
        eq(transfers.kind, "dispute"),
        inArray(transfers.reversesTransferId, [...creditOf.values()]),
      ),
    )
    .orderBy(asc(transfers.id));
  if (held.length === 0) return new Map();
  const disputeIds = held.map((row) => row.disputeId);
  const [won, closed] = await Promise.all([
    db
      .select({ key: transfers.idempotencyKey })
      .from(transfers)
      .where(
        inArray(
          transfers.idempotencyKey,
          disputeIds.map((id) => `dispute_won:${id}`),
        ),
      ),
    db
      .select({ disputeId: stripeEvents.objectId })
      .from(stripeEvents)
      .where(and(eq(stripeEvents.type, "charge.dispute.closed"), inArray(stripeEvents.objectId, disputeIds))),
  ]);
  const wonIds = new Set(won.map((row) => row.key.slice("dispute_won:".length)));
  const closedIds = new Set(closed.map((row) => row.disputeId));
  const invoiceOfCredit = new Map([...creditOf].map(([invoiceId, credit]) => [credit, invoiceId]));
  const result = new Map<string, InvoiceDispute>();
  // Oldest first, so a later dispute of the same payment decides its row.
  for (const row of held) {
    const invoiceId = row.reverses === null ? undefined : invoiceOfCredit.get(row.reverses);
    if (!invoiceId) continue;
    result.set(invoiceId, wonIds.has(row.disputeId) ? "won" : closedIds.has(row.disputeId) ? "lost" : "opened");
  }
  return result;
}

/**
 * One page of the account's invoices, newest first, from our own rows (never a Stripe call: the page
 * renders while Stripe is down), each with its credit notes and its dispute. `before` is the last
 * invoice id of the previous page; one of another account, or unknown, starts from the newest.
 */
export async function listInvoices(
  db: Queryable,
  accountId: string,
  options: { before?: string; limit?: number } = {},
): Promise<InvoicePage> {
  const limit = options.limit ?? INVOICE_PAGE_SIZE;
  const [cursor] = options.before
    ? await db
        .select({ issuedAt: invoices.issuedAt, id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.id, options.before), eq(invoices.billingAccountId, accountId)))
    : [];
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      issuedAt: invoices.issuedAt,
      subtotalCents: invoices.subtotalCents,
      taxCents: invoices.taxCents,
      totalCents: invoices.totalCents,
      hostedInvoiceUrl: invoices.hostedInvoiceUrl,
      invoicePdfUrl: invoices.invoicePdfUrl,
      creditTransferId: sql<string | null>`coalesce(${topUps.transferId}, ${autoRecharges.transferId})::text`,
    })
    .from(invoices)
    .leftJoin(topUps, eq(topUps.checkoutSessionId, invoices.checkoutSessionId))
    .leftJoin(autoRecharges, eq(autoRecharges.id, invoices.autoRechargeId))
    .where(
      and(
        eq(invoices.billingAccountId, accountId),
        cursor
          ? or(
              lt(invoices.issuedAt, cursor.issuedAt),
              and(eq(invoices.issuedAt, cursor.issuedAt), lt(invoices.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(invoices.issuedAt), desc(invoices.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const creditOf = new Map(
    page.flatMap((row) => (row.creditTransferId === null ? [] : [[row.id, BigInt(row.creditTransferId)] as const])),
  );
  const [notes, disputes] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({
            invoiceId: creditNotes.invoiceId,
            id: creditNotes.id,
            number: creditNotes.number,
            amountCents: creditNotes.amountCents,
            status: creditNotes.status,
            pdfUrl: creditNotes.pdfUrl,
            issuedAt: creditNotes.issuedAt,
          })
          .from(creditNotes)
          .where(and(eq(creditNotes.billingAccountId, accountId), inArray(creditNotes.invoiceId, ids)))
          .orderBy(asc(creditNotes.issuedAt), asc(creditNotes.createdAt), asc(creditNotes.id)),
    disputesOf(db, creditOf),
  ]);
  return {
    invoices: page.map(({ creditTransferId: _credit, ...row }) => ({
      ...row,
      creditNotes: notes.filter((note) => note.invoiceId === row.id).map(({ invoiceId: _invoice, ...note }) => note),
      dispute: disputes.get(row.id) ?? null,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
