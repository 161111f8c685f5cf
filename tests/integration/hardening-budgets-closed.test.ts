// Session 13, H2 point 1: a closed account gets no budget change from lib/budgets itself, not only from
// the account area's wrappers, and the refusal is taken under the account's ledger lock, so a closing
// that commits while a budget change waits for that lock is seen by it.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeAccount } from "@/lib/account/close-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { removeBudget } from "@/lib/budgets/remove-budget";
import { setBudget } from "@/lib/budgets/set-budget";
import { closeDb, getDb, getPool } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";
import { createBarrier } from "../support/concurrency";
import { EVENTUALLY } from "../support/eventually";

afterAll(closeDb);

const DOLLAR = 1_000_000n;
let records = 0;

function sessionOf(account: TestAccount): AppSession {
  return {
    user: { id: account.userId, email: account.email, name: null, role: "user" },
    expires: new Date(Date.now() + 86_400_000).toISOString(),
  };
}

/** An account with one space (`chat`, a few calls of usage), and that space's id. */
async function accountWithSpace(): Promise<{ account: TestAccount; chat: bigint }> {
  const account = await createTestAccount();
  const usage = { ...emptyUsage(), third_party_calls: 100n };
  await ingestUsage(getDb(), [
    { id: `hardening-budgets:${account.accountId}:${records++}`, account: account.accountId, space: "chat", hour: new Date(hourAgo(0)), usage },
  ]);
  const rows = await getDb().execute<{ id: string }>(
    sql`select id::text from spaces where account_id = ${account.accountId} and name = 'chat'`,
  );
  return { account, chat: BigInt(rows.rows[0]!.id) };
}

async function budgetRows(accountId: string) {
  const rows = await getDb().execute<{ space_id: string | null; amount_micros: string; action: string }>(
    sql`select space_id::text, amount_micros::text, action from budgets where account_id = ${accountId} order by id`,
  );
  return rows.rows;
}

/** Backends waiting, directly or behind another waiter, on the transaction of backend `holder`. */
async function waitingBehind(holder: number): Promise<number> {
  const result = await getPool().query<{ count: number }>(
    `with recursive blocked(pid) as (
       select pid from pg_stat_activity where $1::int = any(pg_blocking_pids(pid))
       union
       select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
     ) select count(*)::int as count from blocked`,
    [holder],
  );
  return result.rows[0]?.count ?? 0;
}

describe("budgets of a closed account", () => {
  it("refuses to set or remove one (`conflict`, as the account area says), and changes nothing", async () => {
    const { account, chat } = await accountWithSpace();
    await setBudget(getDb(), { accountId: account.accountId, spaceId: chat, amountMicros: 2n * DOLLAR, action: "pause" });
    await closeAccount(getDb(), sessionOf(account));
    const before = await budgetRows(account.accountId);
    expect(before).toEqual([{ space_id: chat.toString(), amount_micros: "2000000", action: "pause" }]);

    for (const spaceId of [chat, null]) {
      await expect(
        setBudget(getDb(), { accountId: account.accountId, spaceId, amountMicros: 5n * DOLLAR, action: "alert" }),
      ).rejects.toMatchObject({ code: "conflict", message: "This account is closed." });
    }
    await expect(removeBudget(getDb(), { accountId: account.accountId, spaceId: chat })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await budgetRows(account.accountId)).toEqual(before);
  });

  it("sees a closing that commits while the budget change waits for the account's lock", async () => {
    const { account, chat } = await accountWithSpace();
    // Another transaction holds the account's ledger lock, as a posting would.
    const holder = await getPool().connect();
    try {
      const holderPid = (await holder.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
      await holder.query("begin");
      await holder.query("select id from ledger_accounts where billing_account_id = $1 for update", [account.accountId]);
      // The closing queues first, then the budget change behind it.
      const closing = closeAccount(getDb(), sessionOf(account));
      await vi.waitFor(async () => expect(await waitingBehind(holderPid)).toBe(1), EVENTUALLY);
      const change = setBudget(getDb(), { accountId: account.accountId, spaceId: chat, amountMicros: DOLLAR, action: "pause" });
      const outcome = change.then(
        () => "set",
        (error: unknown) => (error as { code?: string }).code,
      );
      await vi.waitFor(async () => expect(await waitingBehind(holderPid)).toBe(2), EVENTUALLY);
      await holder.query("commit");
      await closing;
      expect(await outcome).toBe("conflict");
    } finally {
      await holder.query("rollback").catch(() => undefined);
      holder.release();
    }
    expect(await budgetRows(account.accountId)).toEqual([]);
  });

  it("under a free race of closing against budget changes, each change is made before the closing or refused", async () => {
    for (let round = 0; round < 4; round++) {
      const { account, chat } = await accountWithSpace();
      const start = createBarrier(3);
      const [closed, ...changes] = await Promise.allSettled([
        start().then(() => closeAccount(getDb(), sessionOf(account))),
        start().then(() => setBudget(getDb(), { accountId: account.accountId, spaceId: chat, amountMicros: DOLLAR, action: "pause" })),
        start().then(() => removeBudget(getDb(), { accountId: account.accountId, spaceId: null })),
      ]);
      // No deadlock and no other error: the closing wins its turn, a change after it is a `conflict`.
      expect(closed.status).toBe("fulfilled");
      for (const change of changes) {
        if (change.status === "rejected") expect(change.reason).toMatchObject({ code: "conflict" });
      }
      await expect(
        setBudget(getDb(), { accountId: account.accountId, spaceId: chat, amountMicros: 3n * DOLLAR, action: "alert" }),
      ).rejects.toMatchObject({ code: "conflict" });
      const rows = await budgetRows(account.accountId);
      expect(rows.every((row) => row.amount_micros === "1000000")).toBe(true);
    }
  });
});
