import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { publishRateCard, type RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import { listRateCards } from "@/lib/billing/rate-cards";
import { emptyUsage } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createMigratedScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

// A scratch database: publishing a card here must not change prices under the other test files.
let scratch: ScratchDatabase & { appUrl: string };
let pool: pg.Pool;
let db: Database;

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  pool = new pg.Pool({ connectionString: scratch.appUrl, max: 4 });
  db = drizzle(pool, { schema });
});

afterAll(async () => {
  await pool.end();
  await scratch.drop();
});

const hour = (iso: string) => new Date(iso);
const cpu = (units: bigint) => ({ ...emptyUsage(), cpu_ms: units });

async function doubledCard(): Promise<RateCardEntryInput[]> {
  const [v1] = await listRateCards(db);
  return [...v1!.entries.values()].map((entry) => ({ ...entry, priceMicros: entry.priceMicros * 2n }));
}

async function costOf(recordId: string): Promise<bigint> {
  const row = await db.execute<{ cost: string }>(sql`select cost_micros::text as cost from meter_records where id = ${recordId}`);
  return BigInt(row.rows[0]!.cost);
}

describe("rate card versions", () => {
  it("prices each record with the card in force for its hour, never retroactively", async () => {
    const userId = randomUUID();
    await db.execute(sql`insert into "user" (id, email) values (${userId}, ${`cards-${userId}@example.com`})`);
    const account = await runTransaction(db, (tx) => createBillingAccount(tx, { userId }));
    const switchHour = hour("2030-06-01T12:00:00Z");

    await ingestUsage(db, [{ id: "before", account, space: "app", hour: hour("2030-06-01T11:00:00Z"), usage: cpu(3_600_000n) }]);
    const published = await publishRateCard(db, { effectiveFrom: switchHour, entries: await doubledCard(), now: hour("2030-06-01T10:30:00Z") });
    expect(published.version).toBe(2);

    await ingestUsage(db, [
      { id: "late-arrival", account, space: "app", hour: hour("2030-06-01T11:00:00Z"), usage: cpu(3_600_000n) },
      { id: "after", account, space: "app", hour: switchHour, usage: cpu(3_600_000n) },
    ]);
    expect(await costOf("before")).toBe(40_000n);
    expect(await costOf("late-arrival")).toBe(40_000n); // an hour before the switch keeps version 1's price
    expect(await costOf("after")).toBe(80_000n);
  });

  it("refuses a card that would take effect in the past or off the hour", async () => {
    const entries = await doubledCard();
    const now = hour("2031-01-01T10:30:00Z");
    const refused = (effectiveFrom: Date) => publishRateCard(db, { effectiveFrom, entries, now });
    await expect(refused(hour("2031-01-01T10:00:00Z"))).rejects.toThrow(AppError);
    await expect(refused(hour("2031-01-01T11:30:00Z"))).rejects.toThrow(/whole hour/);
    await expect(publishRateCard(db, { effectiveFrom: hour("2031-01-01T11:00:00Z"), entries: entries.slice(1), now })).rejects.toThrow(/each resource/);
  });
});
