import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/lib/db/client";

/** Accounts that count against the cap: every user except operators. */
export async function countCappedAccounts(db: Queryable): Promise<number> {
  const result = await db.execute<{ count: string }>(sql`select count(*)::text as count from "user" where role <> 'admin'`);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Serialises account creation for the rest of the transaction, so two sign-ups racing for the last
 * place under the cap cannot both see room (a count alone would let both through).
 */
export async function lockAccountCreation(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('account-creation'))`);
}
