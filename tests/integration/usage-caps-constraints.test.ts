// The usage caps are held by Postgres (decision 0015, migration 0024): CHECK constraints on the stored
// totals of usage_hours and usage_account_hours, so ingestion's fast path reads no totals. A batch that
// passes a cap fails its store statement and rolls back; only then is it written again with the totals
// read, to name the record. (billing-api-usage-caps.test.ts holds the answers; this holds the parts.)
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isUsageCapFailure } from "@/lib/billing/check-usage-caps";
import { ingestUsage, type IngestResult } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { RESOURCES, emptyUsage } from "@/lib/billing/resources";
import { MAX_ACCOUNT_HOUR_MICROS, MAX_SPACE_HOUR_UNITS } from "@/lib/billing/usage-caps";
import { closeDb, getDb } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createTestAccount, hourAgo, meterRecordCount } from "@/tests/support/billing-api";

afterAll(closeDb);

/** The error a statement fails with (drizzle's wrapper, with Postgres's error as its cause). */
async function failureOf(statement: Promise<unknown>): Promise<unknown> {
  return statement.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Postgres's own error under drizzle's wrapper. */
function postgresError(error: unknown): { code?: string; constraint?: string } {
  return ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint?: string };
}

describe("Postgres holds the usage caps on the stored totals", () => {
  it("usage_hours takes each resource's units up to the space-hour cap, and refuses one more", async () => {
    const db = getDb();
    const account = `caps-${randomUUID()}`;
    for (const [index, resource] of RESOURCES.entries()) {
      const hour = hourAgo(10 + index);
      await db.execute(sql`insert into usage_hours (account_id, space_id, hour, ${sql.raw(resource)})
        values (${account}, 1, ${hour}, ${MAX_SPACE_HOUR_UNITS.toString()})`);
      const error = await failureOf(
        db.execute(sql`update usage_hours set ${sql.raw(resource)} = ${sql.raw(resource)} + 1
          where account_id = ${account} and hour = ${hour}`),
      );
      expect(postgresError(error), resource).toMatchObject({ code: "23514", constraint: "usage_hours_space_hour_units_cap" });
      expect(isUsageCapFailure(error)).toBe(true);
    }
  });

  it("usage_account_hours takes an account-hour's cost up to the cap, and refuses one micro-dollar more", async () => {
    const db = getDb();
    const account = `caps-${randomUUID()}`;
    const hour = hourAgo(10);
    await db.execute(sql`insert into usage_account_hours (account_id, hour, cost_micros)
      values (${account}, ${hour}, ${MAX_ACCOUNT_HOUR_MICROS.toString()})`);
    const error = await failureOf(
      db.execute(sql`update usage_account_hours set cost_micros = cost_micros + 1 where account_id = ${account}`),
    );
    expect(postgresError(error)).toMatchObject({ code: "23514", constraint: "usage_account_hours_cost_cap" });
    expect(isUsageCapFailure(error)).toBe(true);
  });

  it("tells the caps' failures (and sums past bigint) from every other failure", async () => {
    const db = getDb();
    const overflow = await failureOf(db.execute(sql`select 9223372036854775807::bigint + 1`));
    expect(postgresError(overflow).code).toBe("22003");
    expect(isUsageCapFailure(overflow)).toBe(true);
    // Another table's CHECK constraint, a unique violation and a division by zero are not caps.
    const otherCheck = await failureOf(
      db.execute(sql`insert into transfers (idempotency_key, payload_hash, kind, from_account_id, to_account_id, amount_micros)
        values (${`caps-${randomUUID()}`}, 'x', 'usage', 1, 2, 0)`),
    );
    expect(postgresError(otherCheck)).toMatchObject({ code: "23514", constraint: "transfers_amount_positive" });
    expect(isUsageCapFailure(otherCheck)).toBe(false);
    const account = `caps-${randomUUID()}`;
    const row = sql`insert into usage_account_hours (account_id, hour, cost_micros) values (${account}, ${hourAgo(10)}, 1)`;
    await db.execute(row);
    expect(isUsageCapFailure(await failureOf(db.execute(row)))).toBe(false);
    expect(isUsageCapFailure(await failureOf(db.execute(sql`select 1 / 0`)))).toBe(false);
    expect(isUsageCapFailure(new AppError("not_found"))).toBe(false);
  });
});

describe("ingestion reads no stored totals unless a batch has failed on a cap", () => {
  /** Ingests through a pool of its own whose drizzle logs every statement it sends. */
  async function ingestLogged(records: MeterRecord[]) {
    const statements: string[] = [];
    const pool = new pg.Pool({ connectionString: getEnv().databaseUrl, max: 2 });
    const db = drizzle(pool, { schema, logger: { logQuery: (query) => void statements.push(query) } });
    try {
      const outcome: { result?: IngestResult; error?: unknown } = await ingestUsage(db, records).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      return { ...outcome, statements };
    } finally {
      await pool.end();
    }
  }
  const readsTotals = (statements: string[]) => statements.some((statement) => /join usage_(hours|account_hours) /.test(statement));
  const storage = (account: string, hour: Date, units: bigint): MeterRecord => ({
    id: `caps-${randomUUID()}`,
    account,
    space: "arena",
    hour,
    usage: { ...emptyUsage(), storage_bytes: units },
  });

  it("an accepted batch: no statement reads usage_hours or usage_account_hours", async () => {
    const { accountId } = await createTestAccount();
    const hour = new Date(hourAgo(7));
    const { result, statements } = await ingestLogged([storage(accountId, hour, MAX_SPACE_HOUR_UNITS)]);
    expect(result).toMatchObject({ accepted: 1 });
    expect(statements.length).toBeGreaterThan(0);
    expect(readsTotals(statements)).toBe(false);
  });

  it("an accepted batch of known spaces takes 9 statements from begin to commit", async () => {
    const { accountId } = await createTestAccount();
    const hour = new Date(hourAgo(9));
    // One pool (one queue, one cache of known spaces and ledger owners) for both batches.
    const statements: string[] = [];
    const pool = new pg.Pool({ connectionString: getEnv().databaseUrl, max: 2 });
    const db = drizzle(pool, { schema, logger: { logQuery: (query) => void statements.push(query) } });
    try {
      // 5,000 third-party calls cost $1.00: a transfer to post, a standing to read.
      const billed = () => ({ ...storage(accountId, hour, 0n), usage: { ...emptyUsage(), third_party_calls: 5_000n } });
      await ingestUsage(db, [billed()]);
      statements.length = 0;
      expect(await ingestUsage(db, [billed()])).toMatchObject({ accepted: 1 });
    } finally {
      await pool.end();
    }
    // begin, account locks, stored ids and carries, the ledger's locks, its keys, transfers with their
    // entries and balances, standing, the store statement, commit (the rate cards are read before).
    const transaction = statements.slice(statements.findIndex((statement) => statement === "begin"));
    expect(transaction).toHaveLength(9);
    expect(transaction.at(-1)).toBe("commit");
  });

  it("a batch past a cap: refused by the constraint, then named by a second write that reads the totals", async () => {
    const { accountId } = await createTestAccount();
    const hour = new Date(hourAgo(8));
    expect((await ingestLogged([storage(accountId, hour, MAX_SPACE_HOUR_UNITS)])).result).toMatchObject({ accepted: 1 });
    const { error, statements } = await ingestLogged([storage(accountId, hour, 1n)]);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("usage_limit_exceeded");
    expect((error as AppError).details).toMatchObject({ record: 0, resource: "storage_bytes", space: "arena" });
    // The first write sent the store statement (which failed); the second read the totals and sent none.
    expect(statements.filter((statement) => statement.includes("insert into meter_records"))).toHaveLength(1);
    expect(readsTotals(statements)).toBe(true);
    expect(await meterRecordCount(accountId)).toBe(1);
  });
});
