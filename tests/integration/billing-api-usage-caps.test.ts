// Business caps on what usage can add up to (issue 15, point 3): schema-valid records whose sums would
// pass Postgres's 64-bit integers (a 500 before) are refused with a 422 before anything is written, and
// the caps hold across batches, also when two transactions race for the same space-hour.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/billing/v1/openapi.json/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { emptyUsage } from "@/lib/billing/resources";
import { MAX_ACCOUNT_HOUR_MICROS, MAX_SPACE_HOUR_UNITS } from "@/lib/billing/usage-caps";
import { getDb } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  billingRequest,
  cachedBalance,
  createTestAccount,
  hourAgo,
  meterRecordCount,
  platformTokenForThisFile,
  type ErrorBody,
} from "@/tests/support/billing-api";

const token = await platformTokenForThisFile();

const PER_RECORD_MAX = 1_000_000_000_000_000; // 10^15, the schema's per-counter cap

function record(account: string, fields: Record<string, unknown>) {
  return { id: `cap-${randomUUID()}`, account, space: "whiteboard", hour: hourAgo(2), ...fields };
}

async function send(records: unknown[]) {
  const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
  return { status: response.status, body: (await response.json()) as ErrorBody & { accepted?: number } };
}

async function storedStorageUnits(account: string, hour: string): Promise<bigint> {
  const rows = await getDb().execute<{ units: string }>(sql`
    select coalesce(sum(storage_bytes), 0)::text as units from usage_hours where account_id = ${account} and hour = ${hour}`);
  return BigInt(rows.rows[0]!.units);
}

describe("POST /usage: caps on what a batch and a space-hour add up to", () => {
  it("refuses (422) 50 records of 10^15 third-party calls in one batch, storing nothing", async () => {
    const { accountId } = await createTestAccount();
    const balance = await cachedBalance(accountId);
    // Fifty spaces, one hour: each record is valid, together they cost 10^19 micro-dollars.
    const records = Array.from({ length: 50 }, (_, index) =>
      record(accountId, { space: `space-${index}`, third_party_calls: PER_RECORD_MAX }),
    );
    const { status, body } = await send(records);
    expect(status).toBe(422);
    expect(body.error.code).toBe("usage_limit_exceeded");
    expect(body.error.message).toContain("per account per hour");
    expect(body.error.details).toMatchObject({ record: 0, limit: MAX_ACCOUNT_HOUR_MICROS.toString() });
    expect(await meterRecordCount(accountId)).toBe(0);
    expect(await cachedBalance(accountId)).toBe(balance);
  });

  it(
    "never answers 500 to ten 1,000-record batches of huge storage on one space-hour",
    { timeout: 120_000 },
    async () => {
      const { accountId } = await createTestAccount();
      const hour = hourAgo(3);
      for (let batch = 0; batch < 10; batch++) {
        const records = Array.from({ length: 1_000 }, () => record(accountId, { hour, storage_bytes: PER_RECORD_MAX }));
        const { status, body } = await send(records);
        expect(status, JSON.stringify(body)).not.toBeGreaterThanOrEqual(500);
        if (status !== 200) {
          expect(status).toBe(422);
          expect(body.error.code).toBe("usage_limit_exceeded");
        }
      }
      expect(await storedStorageUnits(accountId, hour)).toBeLessThanOrEqual(MAX_SPACE_HOUR_UNITS);
    },
  );

  it("holds the space-hour cap across batches: up to the cap is accepted, past it refused", async () => {
    const { accountId } = await createTestAccount();
    const hour = hourAgo(4);
    const perRecord = MAX_SPACE_HOUR_UNITS / 10n;
    const batch = (count: number) =>
      Array.from({ length: count }, () => record(accountId, { hour, storage_bytes: perRecord.toString() }));
    expect((await send(batch(6))).status).toBe(200);
    const refused = await send(batch(5));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("usage_limit_exceeded");
    expect(refused.body.error.message).toContain("storage_bytes");
    expect(refused.body.error.details).toMatchObject({
      record: 0,
      resource: "storage_bytes",
      space: "whiteboard",
      hour,
      limit: MAX_SPACE_HOUR_UNITS.toString(),
    });
    expect(await meterRecordCount(accountId)).toBe(6);
    expect((await send(batch(4))).status).toBe(200);
    expect(await storedStorageUnits(accountId, hour)).toBe(MAX_SPACE_HOUR_UNITS);
  });

  it("holds the account-hour cost cap across batches and spaces", async () => {
    const { accountId } = await createTestAccount();
    const hour = hourAgo(5);
    // 5 × 10^14 CPU-ms cost about 5.6 × 10^12 micro-dollars at the seed card: one fits, two do not.
    const cpu = { hour, cpu_ms: 500_000_000_000_000 };
    expect((await send([record(accountId, { ...cpu, space: "a" })])).status).toBe(200);
    const balance = await cachedBalance(accountId);
    const refused = await send([record(accountId, { ...cpu, space: "b" })]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toMatchObject({ record: 0, hour, limit: MAX_ACCOUNT_HOUR_MICROS.toString() });
    expect(await cachedBalance(accountId)).toBe(balance);
    expect(await meterRecordCount(accountId)).toBe(1);
  });

  it("lets only one of two racing transactions take a space-hour past its cap", async () => {
    const { accountId } = await createTestAccount();
    const hour = new Date(hourAgo(6));
    // Two pools: two ingestion queues, so the batches are two transactions racing for the account lock.
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: getEnv().databaseUrl, max: 2 }));
    try {
      const usage = { ...emptyUsage(), storage_bytes: (MAX_SPACE_HOUR_UNITS / 10n) * 6n };
      const outcomes = await Promise.allSettled(
        pools.map((pool, index) => {
          const racing: MeterRecord = {
            id: `race-${index}-${randomUUID()}`,
            account: accountId,
            space: "arena",
            hour,
            usage,
          };
          return ingestUsage(drizzle(pool, { schema }), [racing]);
        }),
      );
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = outcomes.find((outcome) => outcome.status === "rejected")!;
      expect(rejected.reason).toBeInstanceOf(AppError);
      expect((rejected.reason as AppError).code).toBe("usage_limit_exceeded");
      expect(await meterRecordCount(accountId)).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});

describe("the OpenAPI document", () => {
  it("states both caps and the 422 answer of POST /usage", async () => {
    const doc = (await (await getOpenApi(billingRequest("/openapi.json"))).json()) as {
      paths: {
        "/usage": { post: { description: string; responses: Record<string, unknown>; "x-usage-caps": unknown } };
      };
    };
    const post = doc.paths["/usage"].post;
    expect(post.responses["422"]).toBeDefined();
    expect(post.description).toContain(`${MAX_SPACE_HOUR_UNITS} units of each resource per space per hour`);
    expect(post.description).toContain(`${MAX_ACCOUNT_HOUR_MICROS} micro-dollars`);
    expect(post["x-usage-caps"]).toEqual({
      space_hour_units: MAX_SPACE_HOUR_UNITS.toString(),
      account_hour_micros: MAX_ACCOUNT_HOUR_MICROS.toString(),
    });
  });
});
