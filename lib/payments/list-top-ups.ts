import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { TopUpStatus } from "./fulfill-checkout";

export type TopUpRow = { sessionId: string; amountMicros: bigint; status: TopUpStatus; receiptUrl: string | null; createdAt: Date };

/** The account's recent top-ups that reached Stripe's payment step (abandoned sessions are left out). */
export async function listTopUps(db: Queryable, accountId: string, limit = 10): Promise<TopUpRow[]> {
  const rows = await db.execute<{ checkout_session_id: string; amount_micros: string; status: TopUpStatus; receipt_url: string | null; created_at: Date }>(sql`
    select checkout_session_id, amount_micros::text, status, receipt_url, created_at from top_ups
    where billing_account_id = ${accountId} and status in ('paid', 'processing', 'failed')
    order by created_at desc limit ${limit}`);
  return rows.rows.map((row) => ({
    sessionId: row.checkout_session_id,
    amountMicros: BigInt(row.amount_micros),
    status: row.status,
    receiptUrl: row.receipt_url,
    createdAt: new Date(row.created_at),
  }));
}
