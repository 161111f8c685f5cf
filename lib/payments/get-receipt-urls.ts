import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Queryable } from "@/lib/db/client";
import { autoRecharges, invoices, topUps } from "@/lib/db/schema";

/**
 * The card receipt of each top-up credit, by ledger transfer id, for the statement page: Checkout
 * top-ups and auto-recharges alike. Scoped to the account (another account's transfer ids answer
 * nothing); transfers without a receipt (grants, usage, a receipt Stripe has not given yet) are absent.
 */
export async function getReceiptUrlsByTransferId(db: Queryable, accountId: string, transferIds: bigint[]): Promise<Map<bigint, string>> {
  if (transferIds.length === 0) return new Map();
  const ids = `{${transferIds.map(String).join(",")}}`;
  // One array parameter however many transfers the statement page shows.
  const receiptsOf = (table: typeof topUps | typeof autoRecharges) =>
    db
      .select({ transferId: table.transferId, receiptUrl: table.receiptUrl })
      .from(table)
      .where(and(eq(table.billingAccountId, accountId), sql`${table.transferId} = any(${ids}::bigint[])`, isNotNull(table.receiptUrl)));
  const rows = await unionAll(receiptsOf(topUps), receiptsOf(autoRecharges));
  // The where clause above leaves no row without both.
  return new Map(rows.flatMap((row) => (row.transferId !== null && row.receiptUrl !== null ? [[row.transferId, row.receiptUrl] as const] : [])));
}

/** One transfer's receipt URL (see getReceiptUrlsByTransferId), or null. */
export async function getReceiptUrlByTransferId(db: Queryable, accountId: string, transferId: bigint): Promise<string | null> {
  return (await getReceiptUrlsByTransferId(db, accountId, [transferId])).get(transferId) ?? null;
}

export type InvoiceLink = { number: string | null; url: string };

/**
 * The invoice of each card credit, by ledger transfer id, for the statement page (beside its receipt):
 * Stripe's hosted invoice page, else its PDF. From our own rows (lib/db/schema/invoices.ts), scoped to
 * the account; credits bought before invoices existed are absent.
 */
export async function getInvoiceLinksByTransferId(db: Queryable, accountId: string, transferIds: bigint[]): Promise<Map<bigint, InvoiceLink>> {
  if (transferIds.length === 0) return new Map();
  const ids = `{${transferIds.map(String).join(",")}}`;
  const url = sql<string | null>`coalesce(${invoices.hostedInvoiceUrl}, ${invoices.invoicePdfUrl})`;
  const fromTopUps = db
    .select({ transferId: topUps.transferId, number: invoices.number, url })
    .from(invoices)
    .innerJoin(topUps, eq(topUps.checkoutSessionId, invoices.checkoutSessionId))
    .where(and(eq(invoices.billingAccountId, accountId), sql`${topUps.transferId} = any(${ids}::bigint[])`));
  const fromRecharges = db
    .select({ transferId: autoRecharges.transferId, number: invoices.number, url })
    .from(invoices)
    .innerJoin(autoRecharges, eq(autoRecharges.id, invoices.autoRechargeId))
    .where(and(eq(invoices.billingAccountId, accountId), sql`${autoRecharges.transferId} = any(${ids}::bigint[])`));
  const rows = await unionAll(fromTopUps, fromRecharges);
  return new Map(rows.flatMap((row) => (row.transferId !== null && row.url !== null ? [[row.transferId, { number: row.number, url: row.url }] as const] : [])));
}
