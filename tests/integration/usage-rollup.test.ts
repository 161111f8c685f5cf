// Ingestion keeps the usage_days and usage_account_hours rollups itself (storeUsage adds the same sums
// to usage_hours and both rollups in one statement): every column of every day, and every account hour,
// must equal the hours it sums, through new rows and additions to existing ones, across a UTC day
// boundary, concurrent batches and a refused one; deleting hours (triggers) keeps them equal too.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { RESOURCES } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { billingRequest, createTestAccount, createTestToken } from "@/tests/support/billing-api";

afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const columns = [...RESOURCES, ...RESOURCES.map((resource) => `${resource}_cost`)];

/** The hours around the last UTC midnight at least two days back: 22:00 and 23:00, then 00:00 and 01:00. */
function hoursAroundMidnight(): string[] {
  const midnight = (Math.floor(Date.now() / DAY_MS) - 2) * DAY_MS;
  return [-2, -1, 0, 1].map((offset) => new Date(midnight + offset * HOUR_MS).toISOString());
}

function batch(account: string, hours: string[], seed: number) {
  return hours.flatMap((hour, hourIndex) =>
    ["arena", "lobby", "chat"].map((space, spaceIndex) => ({
      id: `rollup-${randomUUID()}`,
      account,
      space,
      hour,
      cpu_ms: 1_000_003 * (seed + hourIndex + spaceIndex),
      memory_bytes: 268_435_456 + seed,
      connections: 7 + spaceIndex,
      messages: 12_345 * seed,
      bandwidth_bytes: 4_000_037 * (hourIndex + 1),
      storage_bytes: 1_073_741_824,
      first_party_calls: 31 * seed,
      third_party_calls: 3,
    })),
  );
}

async function send(records: unknown[]) {
  return (await postUsage(billingRequest("/usage", { token, body: { records } }))).status;
}

/** Every column of usage_days minus the same column of usage_hours summed by UTC day, for one account. */
async function rollupDifferences(account: string) {
  const rows = await getDb().execute<Record<string, string>>(sql`
    with hours as (
      select space_id, date_trunc('day', hour, 'UTC') as day, ${sql.raw(columns.map((c) => `sum(${c}) as ${c}`).join(", "))}
      from usage_hours where account_id = ${account} group by 1, 2
    )
    select ${sql.raw(columns.map((c) => `(coalesce(d.${c}, 0) - coalesce(h.${c}, 0))::text as ${c}`).join(", "))},
      (d.space_id is not null and h.space_id is not null)::text as matched
    from hours h full join (select * from usage_days where account_id = ${account}) d using (space_id, day)`);
  return rows.rows;
}

/** Each hour of usage_account_hours minus the cost columns of usage_hours summed over spaces. */
async function accountHourDifferences(account: string) {
  const cost = sql.raw(RESOURCES.map((resource) => `${resource}_cost`).join(" + "));
  const rows = await getDb().execute<{ difference: string }>(sql`
    select (coalesce(a.cost_micros, 0) - coalesce(h.cost, 0))::text as difference
    from (select hour, sum(${cost}) as cost from usage_hours where account_id = ${account} group by 1) h
    full join (select hour, cost_micros from usage_account_hours where account_id = ${account}) a using (hour)`);
  return rows.rows.map((row) => row.difference);
}

describe("usage rollups kept by ingestion", () => {
  it("equals the hours it sums, column by column, after new rows, additions and a refused batch", async () => {
    const account = (await createTestAccount()).accountId;
    const hours = hoursAroundMidnight();
    expect(await send(batch(account, hours, 1))).toBe(200);
    // Additions to the same hours, some batches concurrent (possibly written in one transaction).
    const statuses = await Promise.all([2, 3, 4].map((seed) => send(batch(account, hours, seed))));
    expect(statuses).toEqual([200, 200, 200]);
    // One hour alone (no two hour rows share a day: the day rows are derived from the hour rows).
    expect(await send(batch(account, [hours[3]!], 6))).toBe(200);
    // Refused whole (an unknown account): adds nothing to either table.
    expect(await send([...batch(account, hours, 5), { ...batch(account, hours, 5)[0]!, account: "acct_doesnotexist0000000" }])).toBe(404);

    const differences = await rollupDifferences(account);
    expect(differences).toHaveLength(2 * 3); // two UTC days × three spaces
    for (const row of differences) {
      expect(row.matched).toBe("true");
      for (const column of columns) expect(row[column], column).toBe("0");
    }
    const total = await getDb().execute<{ cost: string; units: string }>(sql`
      select sum(cpu_ms_cost)::text as cost, sum(cpu_ms)::text as units from usage_days where account_id = ${account}`);
    expect(BigInt(total.rows[0]!.units)).toBe(1_000_003n * BigInt([1, 2, 3, 4].reduce((sum, seed) => sum + 12 * seed + 3 * 6 + 4 * 3, 0) + 3 * 6 + 3));
    expect(BigInt(total.rows[0]!.cost)).toBeGreaterThan(0n);
    expect(await accountHourDifferences(account)).toEqual(["0", "0", "0", "0"]);

    // Removing hours (never done by the product, but the triggers keep the rollups honest if it is).
    await getDb().execute(sql`delete from usage_hours where account_id = ${account} and hour = ${hours[0]!}`);
    // The deleted hour's rollup row stays, at zero.
    expect(await accountHourDifferences(account)).toEqual(["0", "0", "0", "0"]);
    for (const row of await rollupDifferences(account)) {
      for (const column of columns) expect(row[column], column).toBe("0");
    }
  });
});
