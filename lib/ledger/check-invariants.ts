import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";

export type InvariantViolation = { invariant: string; detail: string };

/**
 * Verifies every ledger invariant on the live database: each transfer has exactly two entries, -amount
 * on its from account and +amount on its to account; each cached balance equals the sum of its
 * entries; all balances sum to zero per currency (a balance being the sum of the account's entries).
 */
export async function checkLedgerInvariants(db: Queryable): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  const unbalanced = await db.execute<{ id: string; entry_count: number; total: string }>(sql`
    select t.id::text, count(e.id)::int as entry_count, coalesce(sum(e.amount_micros), 0)::text as total
    from transfers t left join entries e on e.transfer_id = t.id
    group by t.id, t.amount_micros, t.from_account_id, t.to_account_id
    having count(e.id) <> 2 or coalesce(sum(e.amount_micros), 0) <> 0
      or count(*) filter (where e.ledger_account_id = t.from_account_id and e.amount_micros = -t.amount_micros) <> 1
      or count(*) filter (where e.ledger_account_id = t.to_account_id and e.amount_micros = t.amount_micros) <> 1
    limit 50`);
  for (const row of unbalanced.rows) {
    violations.push({
      invariant: "transfer entries",
      detail: `transfer ${row.id}: ${row.entry_count} entries summing to ${row.total}, not -amount on its from account and +amount on its to account`,
    });
  }
  const drifted = await db.execute<{ code: string; cached: string; summed: string }>(sql`
    select a.code, a.balance_micros::text as cached, coalesce(sum(e.amount_micros), 0)::text as summed
    from ledger_accounts a left join entries e on e.ledger_account_id = a.id
    where a.balance_micros is not null
    group by a.id having a.balance_micros <> coalesce(sum(e.amount_micros), 0)
    limit 50`);
  for (const row of drifted.rows) {
    violations.push({ invariant: "cached balance", detail: `${row.code}: cached ${row.cached}, entries sum to ${row.summed}` });
  }
  const currencies = await db.execute<{ currency: string; total: string }>(sql`
    select a.currency, sum(e.amount_micros)::text as total
    from entries e join ledger_accounts a on a.id = e.ledger_account_id
    group by a.currency having sum(e.amount_micros) <> 0`);
  for (const row of currencies.rows) {
    violations.push({ invariant: "zero sum", detail: `${row.currency} balances sum to ${row.total}` });
  }
  return violations;
}
