// Issue 17 bug 8: usage metered after an account reached its overdraft floor never takes the balance
// below the floor. The usage is recorded in full and the part past the floor is written off in the same
// transaction (a `usage_write_off` transfer from the write-off account), counted in a metric, exactly
// once however the batches race or are retried (DESIGN section 4 "Bounds").
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb, type Database } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getMetrics } from "@/lib/observability/metrics";
import { cachedBalance, createTestAccount, hourAgo } from "../support/billing-api";
import { testDatabaseUrl } from "../support/test-env";

const FLOOR = -5_000_000n;
const WELCOME = 5_000_000n;
const pools: pg.Pool[] = [];

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await closeDb();
});

/** A database handle on its own pool: ingestUsage groups batches per handle, so two handles race for real. */
function separateDb(): Database {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  pools.push(pool);
  return drizzle(pool, { schema });
}

/** A record of `calls` third-party calls ($0.20 per 1,000, so 20,000 calls are $4) and some CPU (fractions carried). */
function record(account: string, calls: bigint, hoursAgo = 2): MeterRecord {
  return {
    id: `write-off-${randomUUID()}`,
    account,
    space: "arcade",
    hour: new Date(hourAgo(hoursAgo)),
    usage: { ...emptyUsage(), third_party_calls: calls, cpu_ms: 1_234_567n },
  };
}

type Ledger = { rated: bigint; usage: bigint; writtenOff: bigint; writeOffs: number; balance: bigint };

/** What the ledger says of one account: rated usage (meter records), usage and write-off transfers, balance. */
async function ledgerOf(accountId: string): Promise<Ledger> {
  const system = await getSystemAccounts(getDb());
  const rows = await getDb().execute<{ rated: string; usage: string; written_off: string; write_offs: number }>(sql`
    with customer as (select id from ledger_accounts where billing_account_id = ${accountId})
    select (select coalesce(sum(cost_micros), 0) from meter_records where account_id = ${accountId})::text as rated,
      (select coalesce(sum(amount_micros), 0) from transfers where kind = 'usage' and from_account_id = (select id from customer))::text as usage,
      (select coalesce(sum(amount_micros), 0) from transfers where kind = 'usage_write_off'
        and from_account_id = ${system.usage_write_offs.toString()}::bigint and to_account_id = (select id from customer))::text as written_off,
      (select count(*)::int from transfers where kind = 'usage_write_off' and to_account_id = (select id from customer)) as write_offs`);
  const row = rows.rows[0]!;
  return {
    rated: BigInt(row.rated),
    usage: BigInt(row.usage),
    writtenOff: BigInt(row.written_off),
    writeOffs: row.write_offs,
    balance: await cachedBalance(accountId),
  };
}

/**
 * The balance after each committed usage posting, in posting order: each usage transfer with the
 * write-off that offsets it (posted in the same transaction, keyed `write-off:<usage key>`).
 */
async function balancesAfterEachPosting(accountId: string): Promise<bigint[]> {
  const rows = await getDb().execute<{ net: string }>(sql`
    select (-u.amount_micros + coalesce(w.amount_micros, 0))::text as net
    from transfers u
    join ledger_accounts l on l.id = u.from_account_id and l.billing_account_id = ${accountId}
    left join transfers w on w.idempotency_key = 'write-off:' || u.idempotency_key
    where u.kind = 'usage' order by u.id`);
  let balance = WELCOME;
  return rows.rows.map((row) => (balance += BigInt(row.net)));
}

async function writtenOffMetric(): Promise<number> {
  return (await getMetrics().usageWrittenOff.get()).values[0]?.value ?? 0;
}

function expectPromiseKept(ledger: Ledger): void {
  // Recorded in full: the usage transfers bill exactly what was rated.
  expect(ledger.usage).toBe(ledger.rated);
  // What the customer paid plus what was written off is the rated usage, to the micro-dollar.
  expect(WELCOME - ledger.balance + ledger.writtenOff).toBe(ledger.rated);
  expect(ledger.balance >= FLOOR).toBe(true);
}

describe("usage past the overdraft floor", () => {
  it("stops the balance at the floor and writes off exactly the rest, in one transaction with the usage", async () => {
    const { accountId } = await createTestAccount();
    const before = await writtenOffMetric();
    // $12 of calls (plus a little CPU) on a $5 balance: $10 to the floor, the rest written off.
    const result = await ingestUsage(getDb(), [record(accountId, 60_000n)]);
    expect(result.standingChanges.map((change) => change.to)).toEqual(["frozen"]);
    expect(result.standingChanges[0]!.balanceMicros).toBe(FLOOR);
    const ledger = await ledgerOf(accountId);
    expect(ledger.balance).toBe(FLOOR);
    expect(ledger.writeOffs).toBe(1);
    expect(ledger.writtenOff).toBe(ledger.rated - (WELCOME - FLOOR));
    expectPromiseKept(ledger);
    expect(await writtenOffMetric()).toBe(before + Number(ledger.writtenOff));

    // Frozen already: the next hour's usage is written off whole, and the balance stays at the floor.
    await ingestUsage(getDb(), [record(accountId, 5_000n, 1)]);
    const after = await ledgerOf(accountId);
    expect(after.balance).toBe(FLOOR);
    expect(after.writeOffs).toBe(2);
    expectPromiseKept(after);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("writes off nothing while usage stays above the floor", async () => {
    const { accountId } = await createTestAccount();
    await ingestUsage(getDb(), [record(accountId, 20_000n)]);
    const ledger = await ledgerOf(accountId);
    expect(ledger.writeOffs).toBe(0);
    expect(ledger.balance).toBe(WELCOME - ledger.rated);
  });

  it("holds the floor when batches for a frozen account race on separate connections", async () => {
    const { accountId } = await createTestAccount();
    const before = await writtenOffMetric();
    const dbs = [separateDb(), separateDb(), separateDb()];
    // Twelve batches of $4 and some CPU each ($48 and more on a $5 balance), three connections racing.
    const batches = Array.from({ length: 12 }, (_, index) => [record(accountId, 20_000n, 1 + (index % 5))]);
    await Promise.all(batches.map((records, index) => ingestUsage(dbs[index % dbs.length]!, records)));

    const ledger = await ledgerOf(accountId);
    expect(ledger.balance).toBe(FLOOR);
    expectPromiseKept(ledger);
    // After every posting, in the order the locks let them commit, the balance was never below the floor.
    const balances = await balancesAfterEachPosting(accountId);
    expect(balances.length).toBeGreaterThan(1);
    for (const balance of balances) expect(balance >= FLOOR, `balance ${balance}`).toBe(true);
    expect(await writtenOffMetric()).toBe(before + Number(ledger.writtenOff));
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("writes off nothing twice when a batch is replayed, even two copies racing", async () => {
    const { accountId } = await createTestAccount();
    const batch = [record(accountId, 60_000n), record(accountId, 30_000n, 3)];
    const [first, racer] = await Promise.all([ingestUsage(separateDb(), batch), ingestUsage(separateDb(), batch)]);
    expect(first.accepted + racer.accepted).toBe(2);
    expect(first.duplicates + racer.duplicates).toBe(2);
    const ledger = await ledgerOf(accountId);
    expect(ledger.writeOffs).toBe(1);
    expectPromiseKept(ledger);

    const before = await writtenOffMetric();
    const again = await ingestUsage(getDb(), batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, standingChanges: [] });
    expect(await ledgerOf(accountId)).toEqual(ledger);
    expect(await writtenOffMetric()).toBe(before);
  });
});
