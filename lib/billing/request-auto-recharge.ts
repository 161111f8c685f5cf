import "server-only";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";

// Billing asks for a recharge when a posting leaves a balance under its threshold (a row, like an email
// owed); lib/payments charges it. So the request lives here, below payments, and payments imports it.

/**
 * Called in the transaction that posts money to customer accounts, under their ledger locks: asks for
 * one recharge for each account whose new balance is under its auto-recharge threshold (enabled, not
 * paused, not capped for the month). The partial UNIQUE index on in-flight recharges makes this a no-op
 * while one is pending or charging, so any number of racing debits ask once. The job that charges is
 * started after commit by the worker's sweep (`lib/jobs`), never from inside this transaction.
 */
export async function requestAutoRecharges(tx: Transaction, balances: Map<string, bigint>): Promise<void> {
  if (balances.size === 0) return;
  await tx.execute(autoRechargeRequestSql(balances));
}

/**
 * The statement requestAutoRecharges runs, for a caller that runs it as a `with` part of its own
 * statement (applyStanding, saving a round trip while the ledger locks are held).
 */
export function autoRechargeRequestSql(balances: Map<string, bigint>): SQL {
  const input = Object.fromEntries([...balances].map(([accountId, micros]) => [accountId, micros.toString()]));
  // Raw SQL spliced into apply-standing's statement in every posting transaction (`npm run bench:ingest`).
  return sql`
    insert into auto_recharges (billing_account_id)
    select s.billing_account_id from auto_recharge_settings s
    join jsonb_each_text(${JSON.stringify(input)}::jsonb) b on b.key = s.billing_account_id
    where s.enabled and s.paused_at is null and (s.capped_until is null or s.capped_until <= now())
      and b.value::bigint < s.threshold_micros
    on conflict (billing_account_id) where status in ('pending', 'charging') do nothing`;
}
