// A fresh user with a billing account, as signup makes it (grant included), for ledger tests.
import { randomUUID } from "node:crypto";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { getDb, getPool } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

export type LedgerTestAccount = {
  accountId: string;
  ledgerId: bigint;
  balance: bigint;
  /** The signup grant as stored: what a model must replay to start where the database does. */
  grant: { id: bigint; key: string; amount: bigint; reason: string | null };
};

export async function createLedgerTestAccount(): Promise<LedgerTestAccount> {
  const userId = `user_${randomUUID()}`;
  await getPool().query(`insert into "user" (id, email) values ($1, $2)`, [userId, `${userId}@ledger.test`]);
  const accountId = await runTransaction(getDb(), (tx) => createBillingAccount(tx, { userId }));
  const result = await getPool().query<{
    ledger_id: string;
    balance: string;
    id: string;
    key: string;
    amount: string;
    reason: string | null;
  }>(
    `select a.id::text as ledger_id, a.balance_micros::text as balance, t.id::text, t.idempotency_key as key,
       t.amount_micros::text as amount, t.reason
     from ledger_accounts a join transfers t on t.to_account_id = a.id and t.kind = 'grant'
     where a.billing_account_id = $1`,
    [accountId],
  );
  const row = result.rows[0]!;
  return {
    accountId,
    ledgerId: BigInt(row.ledger_id),
    balance: BigInt(row.balance),
    grant: { id: BigInt(row.id), key: row.key, amount: BigInt(row.amount), reason: row.reason },
  };
}
