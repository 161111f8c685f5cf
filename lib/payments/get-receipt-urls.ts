import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";

/**
 * The card receipt of each top-up credit, by ledger transfer id, for the statement page: Checkout
 * top-ups and auto-recharges alike. Scoped to the account (another account's transfer ids answer
 * nothing); transfers without a receipt (grants, usage, a receipt Stripe has not given yet) are absent.
 */
export async function getReceiptUrlsByTransferId(db: Queryable, accountId: string, transferIds: bigint[]): Promise<Map<bigint, string>> {
  if (transferIds.length === 0) return new Map();
  const ids = `{${transferIds.map(String).join(",")}}`;
  const rows = await db.execute<{ transfer_id: string; receipt_url: string }>(sql`
    select transfer_id::text, receipt_url from top_ups
    where billing_account_id = ${accountId} and transfer_id = any(${ids}::bigint[]) and receipt_url is not null
    union all
    select transfer_id::text, receipt_url from auto_recharges
    where billing_account_id = ${accountId} and transfer_id = any(${ids}::bigint[]) and receipt_url is not null`);
  return new Map(rows.rows.map((row) => [BigInt(row.transfer_id), row.receipt_url]));
}

/** One transfer's receipt URL (see getReceiptUrlsByTransferId), or null. */
export async function getReceiptUrlByTransferId(db: Queryable, accountId: string, transferId: bigint): Promise<string | null> {
  return (await getReceiptUrlsByTransferId(db, accountId, [transferId])).get(transferId) ?? null;
}
