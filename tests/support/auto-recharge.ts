// Usage debits through the real ingestion path, and auto-recharge settings, for payments tests.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import { autoRechargeFormSchema } from "@/lib/payments/auto-recharge-form";
import { saveAutoRechargeSettings } from "@/lib/payments/auto-recharge-settings";
import type { TestUser } from "./stripe-harness";

/** One meter record of third-party calls ($0.20 per 1,000): `cents` of usage debited from the account. */
export async function debit(accountId: string, cents: number): Promise<void> {
  const usage = { ...emptyUsage(), third_party_calls: BigInt(cents) * 50n };
  await ingestUsage(getDb(), [{ id: `debit:${randomUUID()}`, account: accountId, space: "app", hour: new Date("2026-11-01T10:00:00Z"), usage }]);
}

export async function turnOnAutoRecharge(user: TestUser, dollars: { threshold: string; target: string; monthlyCap: string }): Promise<void> {
  await saveAutoRechargeSettings(getDb(), user.userId, autoRechargeFormSchema.parse({ enabled: "on", ...dollars }));
}

export async function rechargesOf(accountId: string): Promise<Array<{ status: string; amount: bigint | null; code: string | null }>> {
  const rows = await getDb().execute<{ status: string; amount: string | null; code: string | null }>(sql`
    select status, amount_micros::text as amount, failure_code as code from auto_recharges where billing_account_id = ${accountId} order by created_at`);
  return rows.rows.map((row) => ({ status: row.status, amount: row.amount === null ? null : BigInt(row.amount), code: row.code }));
}
