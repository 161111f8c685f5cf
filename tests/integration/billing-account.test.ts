// createBillingAccount: an opaque acct_ id, a customer ledger account and the signup grant, exactly once
// however many times (and however concurrently) it is called for the same user.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  createBillingAccount,
  DEFAULT_PROMOTIONAL_GRANT_MICROS,
  newAccountId,
} from "@/lib/billing/create-billing-account";
import { closeDb, getDb, getPool } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { testDatabaseUrl } from "../support/test-env";

afterAll(closeDb);

const ACCOUNT_ID = /^acct_[0-9a-hjkmnp-tv-z]{20}$/;

async function createUser(): Promise<string> {
  testDatabaseUrl();
  const userId = `user_${randomUUID()}`;
  await getPool().query(`insert into "user" (id, email) values ($1, $2)`, [userId, `${userId}@billing.test`]);
  return userId;
}

/** Everything createBillingAccount wrote for one user, read back with raw SQL. */
async function readAccount(userId: string) {
  const pool = getPool();
  const accounts = await pool.query<{ id: string; state: string }>(
    `select id, state from billing_accounts where owner_user_id = $1`,
    [userId],
  );
  const accountId = accounts.rows[0]?.id ?? "";
  const ledger = await pool.query<{ id: string; code: string; kind: string; balance: string }>(
    `select id::text, code, kind, balance_micros::text as balance from ledger_accounts where billing_account_id = $1`,
    [accountId],
  );
  const ledgerId = ledger.rows[0]?.id ?? "0";
  const transfers = await pool.query<{ id: string; key: string; kind: string; from: string; amount: string }>(
    `select id::text, idempotency_key as key, kind, from_account_id::text as from, amount_micros::text as amount
     from transfers where to_account_id = $1 or from_account_id = $1`,
    [ledgerId],
  );
  const entries = await pool.query<{ total: string }>(
    `select coalesce(sum(amount_micros), 0)::text as total from entries where ledger_account_id = $1`,
    [ledgerId],
  );
  const changes = await pool.query<{
    from_state: string;
    to_state: string;
    balance: string;
    cause: string;
    cause_transfer_id: string | null;
  }>(
    `select from_state, to_state, balance_micros::text as balance, cause, cause_transfer_id::text from standing_changes where account_id = $1`,
    [accountId],
  );
  return {
    accounts: accounts.rows,
    ledger: ledger.rows,
    transfers: transfers.rows,
    entrySum: entries.rows[0]!.total,
    changes: changes.rows,
  };
}

async function expectOneGrantedAccount(userId: string, accountId: string): Promise<void> {
  const system = await getSystemAccounts(getDb());
  const grant = DEFAULT_PROMOTIONAL_GRANT_MICROS.toString();
  const found = await readAccount(userId);
  expect(found.accounts).toEqual([{ id: accountId, state: "active" }]);
  expect(found.ledger).toEqual([
    { id: expect.any(String) as string, code: `customer:${accountId}`, kind: "customer_credit", balance: grant },
  ]);
  expect(found.transfers).toEqual([
    {
      id: expect.any(String) as string,
      key: `grant:signup:${accountId}`,
      kind: "grant",
      from: system.promotional_grants.toString(),
      amount: grant,
    },
  ]);
  expect(found.entrySum).toBe(grant);
  // A new account starts active and its welcome credit is no crossing (issue 17): no standing change,
  // though the $5 grant equals the $5 low threshold.
  expect(found.changes).toEqual([]);
}

describe("createBillingAccount", () => {
  it("creates an acct_ account with its customer ledger account, the $5 grant, active with no standing change", async () => {
    const userId = await createUser();
    const accountId = await runTransaction(getDb(), (tx) => createBillingAccount(tx, { userId }));
    expect(accountId).toMatch(ACCOUNT_ID);
    expect(DEFAULT_PROMOTIONAL_GRANT_MICROS).toBe(5_000_000n);
    await expectOneGrantedAccount(userId, accountId);
  });

  it("grants exactly once when ten calls race for the same user, each in its own transaction", async () => {
    const userId = await createUser();
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => runTransaction(getDb(), (tx) => createBillingAccount(tx, { userId }))),
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(ACCOUNT_ID);
    await expectOneGrantedAccount(userId, ids[0]!);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("returns the existing account on a later call and grants nothing more", async () => {
    const userId = await createUser();
    const first = await runTransaction(getDb(), (tx) => createBillingAccount(tx, { userId }));
    const second = await runTransaction(getDb(), (tx) => createBillingAccount(tx, { userId }));
    expect(second).toBe(first);
    await expectOneGrantedAccount(userId, first);
  });

  it("makes opaque ids from 100 random bits", () => {
    const ids = Array.from({ length: 2_000 }, () => newAccountId());
    for (const id of ids) expect(id).toMatch(ACCOUNT_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
