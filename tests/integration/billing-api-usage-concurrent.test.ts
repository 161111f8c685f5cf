// Concurrent batches may be written in one transaction (group commit in ingestUsage); each request must
// still be answered exactly as if it had been written alone, and bill each record exactly once.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { cardForHour, listRateCards } from "@/lib/billing/rate-cards";
import { rateUnits } from "@/lib/billing/rate-units";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import {
  billedUsageMicros,
  billingRequest,
  createTestAccount,
  createTestToken,
  hourAgo,
  meterRecordCount,
} from "@/tests/support/billing-api";

afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

const hour = hourAgo(3);
const record = (account: string, id = `rec-${randomUUID()}`, cpu_ms = 1_234_567) => ({
  id,
  account,
  space: "arena",
  hour,
  cpu_ms,
});

async function send(records: unknown[]) {
  const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
  return { status: response.status, body: (await response.json()) as { accepted?: number; duplicates?: number } };
}

describe("concurrent usage batches", () => {
  it("answers each batch as if written alone, refusing only the bad ones, billing each record once", async () => {
    const [a, b] = [(await createTestAccount()).accountId, (await createTestAccount()).accountId];
    const shared = record(a, `shared-${randomUUID()}`);
    const reused = `reused-${randomUUID()}`;
    const good = Array.from({ length: 10 }, (_, index) => [record(index % 2 ? a : b), record(b), shared]);
    const results = await Promise.all([
      ...good.map((records) => send(records)),
      // Refused whole: an unknown account, and an id reused with other content (its first use is below).
      send([record(b), record("acct_doesnotexist0000000")]),
      send([record(a, reused, 1)]),
      send([record(a, reused, 2)]),
    ]);

    for (const result of results.slice(0, good.length)) {
      expect(result.status).toBe(200);
      expect(result.body.accepted! + result.body.duplicates!).toBe(3);
    }
    // The shared record is accepted by exactly one request and a duplicate in the others.
    const accepted = results.slice(0, good.length).reduce((sum, result) => sum + result.body.accepted!, 0);
    expect(accepted).toBe(good.length * 2 + 1);
    expect(results[good.length]!.status).toBe(404);
    expect(
      results
        .slice(good.length + 1)
        .map((result) => result.status)
        .sort(),
    ).toEqual([200, 409]);

    // Exactly the accepted records are stored and billed: 5 + 1 shared + 1 reused for a, 15 for b.
    expect(await meterRecordCount(a)).toBe(7);
    expect(await meterRecordCount(b)).toBe(15);
    const price = cardForHour(await listRateCards(getDb()), new Date(hour))!.entries.get("cpu_ms")!;
    const billedFor = (units: bigint) => rateUnits(price, units, 0n).micros;
    expect(await billedUsageMicros(b)).toBe(billedFor(15n * 1_234_567n));
    const reusedUnits = [1n, 2n];
    const billedA = await billedUsageMicros(a);
    // Whichever use of the reused id came first was billed; the exact total of a's units either way.
    expect(reusedUnits.map((units) => billedFor(6n * 1_234_567n + units))).toContain(billedA);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("creates a space again after the batch that first named it was refused and rolled back", async () => {
    // Space ids are remembered between batches, but only from committed transactions: the refused
    // batch's space must not be taken as existing.
    const account = (await createTestAccount()).accountId;
    const space = `new-${randomUUID()}`;
    const reused = `reused-${randomUUID()}`;
    expect((await send([{ ...record(account, reused, 1), space: "arena" }])).status).toBe(200);
    expect((await send([{ ...record(account), space }, record(account, reused, 2)])).status).toBe(409);
    expect(await spaceCount(account, space)).toBe(0);

    const again = await send([{ ...record(account), space }]);
    expect(again).toEqual({ status: 200, body: { accepted: 1, duplicates: 0 } });
    expect(await spaceCount(account, space)).toBe(1);
    const stored = await getDb().execute<{ count: string }>(sql`
      select count(*)::text as count from meter_records m join spaces s on s.id = m.space_id
      where m.account_id = ${account} and s.name = ${space}`);
    expect(stored.rows[0]!.count).toBe("1");
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });
});

async function spaceCount(account: string, name: string): Promise<number> {
  const rows = await getDb().execute<{ count: string }>(
    sql`select count(*)::text as count from spaces where account_id = ${account} and name = ${name}`,
  );
  return Number(rows.rows[0]!.count);
}
