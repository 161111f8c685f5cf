import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { createPlatformToken } from "@/lib/billing/platform-tokens";
import { getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { embeddedClusterDir } from "../lib/test-stack";
import { latencies, processTreeCpuMs, sendAll, startBaselineServer } from "./measure";

export type BenchSetup = { token: string; accounts: string[] };

const BATCH = 1000;
const BATCHES = 60;
const SENDERS = 4;
const INGEST_BUDGET = 20_000;
const SPACES_PER_ACCOUNT = 40;
// Each account starts with $1,000 of credit: the run bills each about $8 in seconds, and with the $5
// signup grant every account went low, into grace and frozen during the measurement (some 150 standing
// changes and emails in 60,000 records), where a real account changes standing a few times a month.
// The standing path is tested (tests/integration/standing-emails.test.ts); this measures ingestion.
const BENCH_CREDIT_MICROS = 1_000_000_000n;

export async function prepareAccounts(count: number): Promise<BenchSetup> {
  const db = getDb();
  const accounts: string[] = [];
  for (let index = 0; index < count; index++) {
    const userId = randomUUID();
    await db.execute(sql`insert into "user" (id, email) values (${userId}, ${`bench-${userId}@example.com`})`);
    accounts.push(await runTransaction(db, (tx) => createBillingAccount(tx, { userId, grantMicros: BENCH_CREDIT_MICROS })));
  }
  const { token } = await createPlatformToken(db, `bench-${Date.now()}`);
  return { token, accounts };
}

/**
 * 1,000-record batches like a host fleet sends: each batch is one host's report for the hour, one record
 * per space it runs (a space's usage for an hour from one host), over 2,000 spaces of 50 accounts, so
 * every batch touches every account (their locks serialise the writes, as in production) and every
 * other batch adds to the same space-hour rows.
 */
export function usageBodies(accounts: string[]): string[] {
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: BATCHES }, (_, batch) =>
    JSON.stringify({
      records: Array.from({ length: BATCH }, (_, index) => {
        const space = (batch * BATCH + index) % (SPACES_PER_ACCOUNT * accounts.length);
        return {
          id: `bench:${run}:${batch}:${index}`,
          account: accounts[space % accounts.length],
          space: `space-${Math.floor(space / accounts.length)}`,
          hour,
          cpu_ms: 1000 + index,
          memory_bytes: 268_435_456,
          connections: 12,
          messages: 5000 + batch,
          bandwidth_bytes: 4_000_000,
          first_party_calls: 30,
        };
      }),
    }),
  );
}

/** The embedded cluster's postmaster, whose tree holds the backends; undefined on TEST_DATABASE_URL. */
async function postmasterPid(): Promise<number | undefined> {
  const pidFile = await readFile(path.join(embeddedClusterDir(), "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(pidFile.split("\n")[0]);
  return pid > 0 ? pid : undefined;
}

export async function benchIngest(siteUrl: string, setup: BenchSetup, serverPid?: number): Promise<string[]> {
  const bodies = usageBodies(setup.accounts);
  const headers = { authorization: `Bearer ${setup.token}` };
  const baseline = await startBaselineServer('{"accepted":1000,"duplicates":0}', "application/json");
  try {
    await sendAll(`${siteUrl}/api/billing/v1/usage`, headers, usageBodies(setup.accounts).slice(0, 4), SENDERS); // warm up
    // Backends are forked per connection, so the cluster's tree is read afresh each time.
    const postgres = await postmasterPid();
    const before = { server: processTreeCpuMs(serverPid), postgres: processTreeCpuMs(postgres) };
    const seconds = await sendAll(`${siteUrl}/api/billing/v1/usage`, headers, bodies, SENDERS);
    const perBatch = (after: number | undefined, start: number | undefined) =>
      after === undefined || start === undefined ? "n/a" : `${((after - start) / BATCHES).toFixed(1)} ms`;
    const serverMs = perBatch(processTreeCpuMs(serverPid), before.server);
    const postgresMs = perBatch(processTreeCpuMs(postgres), before.postgres);
    const baseSeconds = await sendAll(`${baseline.url}/`, headers, bodies, SENDERS);
    const rate = (BATCHES * BATCH) / seconds;
    const baseRate = (BATCHES * BATCH) / baseSeconds;
    return [
      `ingest    POST /usage       ${rate.toFixed(0)} records/s (${SENDERS} senders × ${BATCH}-record batches) vs bare http ${baseRate.toFixed(0)} records/s  ratio ${(rate / baseRate).toFixed(3)}  budget ≥ ${INGEST_BUDGET}: ${rate >= INGEST_BUDGET ? "met" : "NOT met"}`,
      `ingest    CPU per batch     site server ${serverMs}, postgres ${postgresMs} (CPU time, steadier than rates on a busy machine)`,
    ];
  } finally {
    await baseline.close();
  }
}

export async function benchStanding(siteUrl: string, setup: BenchSetup): Promise<string[]> {
  const url = `${siteUrl}/api/billing/v1/accounts/${setup.accounts[0]}/standing`;
  const init = { headers: { authorization: `Bearer ${setup.token}` } };
  const body = await (await fetch(url, init)).text();
  const baseline = await startBaselineServer(body, "application/json");
  try {
    await latencies(url, init, 200, 4);
    const site = await latencies(url, init, 2000, 8);
    const bare = await latencies(`${baseline.url}/`, init, 2000, 8);
    return [
      `standing  GET /standing     p50 ${site.p50.toFixed(1)} ms, p95 ${site.p95.toFixed(1)} ms vs bare http p50 ${bare.p50.toFixed(1)} ms, p95 ${bare.p95.toFixed(1)} ms  ratio p95 ${(site.p95 / bare.p95).toFixed(1)}`,
    ];
  } finally {
    await baseline.close();
  }
}
