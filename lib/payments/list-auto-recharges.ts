import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";

export type AutoRechargeRow = {
  id: string;
  status: "pending" | "charging" | "succeeded" | "failed" | "skipped";
  amountMicros: bigint | null;
  failureCode: string | null;
  receiptUrl: string | null;
  createdAt: Date;
};

/** The account's recent auto-recharges, newest first, for the billing page. */
export async function listAutoRecharges(db: Queryable, accountId: string, limit = 5): Promise<AutoRechargeRow[]> {
  const rows = await db.execute<{ id: string; status: AutoRechargeRow["status"]; amount: string | null; failure_code: string | null; receipt_url: string | null; created_at: Date }>(sql`
    select id::text, status, amount_micros::text as amount, failure_code, receipt_url, created_at from auto_recharges
    where billing_account_id = ${accountId} order by created_at desc limit ${limit}`);
  return rows.rows.map((row) => ({
    id: row.id,
    status: row.status,
    amountMicros: row.amount === null ? null : BigInt(row.amount),
    failureCode: row.failure_code,
    receiptUrl: row.receipt_url,
    createdAt: new Date(row.created_at),
  }));
}
