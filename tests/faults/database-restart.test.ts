// Postgres restarts while hosts push usage through the billing API of a running server. Batches cut
// off by the restart fail, and the hosts retry them with the same record ids: in the end every record
// is stored and billed exactly once, and the same server process (never restarted) is ready again and
// ingests again. The database is a throwaway cluster of this file's own, so no other layer's is touched.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatformToken } from "@/lib/billing/platform-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { acquireEmbeddedPostgres, type PostgresHandle } from "@/scripts/lib/embedded-postgres";
import { findFreePort } from "@/scripts/lib/ports";
import { balanceOf, createCustomer, recentHour, startFaultWorld, waitUntil, type FaultWorld } from "../support/fault-world";

const dataDir = path.join(tmpdir(), `platform-faults-pg-${process.pid}`);
let port: number;
let cluster: PostgresHandle;
let world: FaultWorld;

async function startCluster(): Promise<PostgresHandle> {
  return acquireEmbeddedPostgres({ dataDir, port, database: "postgres" });
}

beforeAll(async () => {
  port = await findFreePort();
  cluster = await startCluster();
  world = await startFaultWorld("faults_db", { adminUrl: cluster.adminUrl });
});

afterAll(async () => {
  await world?.stop();
  await cluster?.release();
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.clients`, { recursive: true, force: true });
  await rm(`${dataDir}.lock`, { recursive: true, force: true });
});

const BATCHES = 40;
const RECORDS_PER_BATCH = 25;
/** One third-party call is $0.0002: 200 micro-dollars, so every record costs exactly that. */
const MICROS_PER_RECORD = 200n;

type Answer = { status: number; accepted: number; duplicates: number };

describe("the database restarting under ingestion", () => {
  it("loses nothing, doubles nothing, and the same server recovers without a restart", async () => {
    const customer = await createCustomer("ingest");
    const { token } = await createPlatformToken(getDb(), "faults-ingest");
    // Its errors while the database is down are expected here; the log would only bury the verdict.
    let output = "";
    const site = await world.startSite({ env: { LOG_LEVEL: "fatal" }, onOutput: (text) => (output += text) });
    const hour = recentHour().toISOString();
    const batchBody = (batch: number) =>
      JSON.stringify({
        records: Array.from({ length: RECORDS_PER_BATCH }, (_, index) => ({
          id: `restart-${batch}-${index}`,
          account: customer.accountId,
          space: `space-${index % 5}`,
          hour,
          third_party_calls: 1,
        })),
      });
    async function send(batch: number): Promise<Answer> {
      try {
        const response = await fetch(`${site.url}/api/billing/v1/usage`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: batchBody(batch),
          signal: AbortSignal.timeout(20_000),
        });
        const body = (await response.json().catch(() => ({}))) as Partial<Answer>;
        return { status: response.status, accepted: body.accepted ?? 0, duplicates: body.duplicates ?? 0 };
      } catch {
        return { status: 0, accepted: 0, duplicates: 0 };
      }
    }

    const answers: Answer[][] = Array.from({ length: BATCHES }, () => []);
    // Two hosts push batches while, a quarter of the way in, Postgres is stopped and started again.
    let next = 0;
    const host = async () => {
      for (let batch = next++; batch < BATCHES; batch = next++) {
        answers[batch]!.push(await send(batch));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const restart = (async () => {
      await waitUntil("a quarter of the batches", async () => next >= BATCHES / 4, 60_000);
      await closeDb(); // this test's own pool; the server's is the one under test
      await cluster.release(); // pg_ctl stop -m fast: sessions cut, open transactions rolled back
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      cluster = await startCluster();
    })();
    await Promise.all([host(), host(), restart]);

    const failed = answers.flatMap((tries, batch) => (tries.some((answer) => answer.status === 200) ? [] : [batch]));
    // The restart must have cut some batches off, or this test proved nothing.
    expect(failed.length).toBeGreaterThan(0);
    // A batch cut off is the documented, retryable 503 `unavailable` (or a dropped connection), never a 500.
    expect(answers.flat().map((answer) => answer.status).filter((status) => ![0, 200, 503].includes(status))).toEqual([]);

    // The same server process reports ready again, without being restarted.
    await waitUntil("/api/ready to answer 200", async () => (await fetch(`${site.url}/api/ready`).catch(() => undefined))?.status === 200, 30_000);
    expect(site.isAlive()).toBe(true);
    // Connections the restart cut (pooled, checked out or a job's lock) were heard, not left uncaught.
    expect(output).not.toMatch(/uncaughtException|unhandledRejection/);
    // The hosts retry what failed, with the same record ids, until it is accepted.
    for (const batch of failed) {
      await waitUntil(`batch ${batch} to be accepted on retry`, async () => {
        const answer = await send(batch);
        answers[batch]!.push(answer);
        return answer.status === 200;
      }, 30_000);
    }

    const total = BATCHES * RECORDS_PER_BATCH;
    const accepted = answers.flat().reduce((sum, answer) => sum + (answer.status === 200 ? answer.accepted : 0), 0);
    expect(accepted).toBe(total);
    const stored = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from meter_records where account_id = ${customer.accountId}`);
    expect(stored.rows[0]!.n).toBe(total);
    expect(await balanceOf(customer.accountId)).toBe(5_000_000n - BigInt(total) * MICROS_PER_RECORD);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);

    // And it ingests new usage again, still the same process.
    const fresh = await send(BATCHES);
    expect(fresh).toEqual({ status: 200, accepted: RECORDS_PER_BATCH, duplicates: 0 });
    expect(site.isAlive()).toBe(true);
  });
});
