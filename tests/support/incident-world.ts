// The world of the incident integration files (issue 18, "Incidents: do not bill system problems"): a
// migrated scratch database of the file's own (a second rate card is published there, which must not
// change prices under the other test files), an operator, three customers with five hours of usage, the
// incident window, and what each record cost when rated again independently. The `let` bindings are set
// before the file's first test: ES module bindings are live, so a test file imports them like constants.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { publishRateCard } from "@/lib/billing/publish-rate-card";
import { listRateCards } from "@/lib/billing/rate-cards";
import { emptyUsage } from "@/lib/billing/resources";
import { rateRecords, type Carries } from "@/lib/billing/rate-records";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { type DeclareIncidentInput } from "@/lib/incidents/incident-schemas";
import type { AppSession } from "@/lib/session/app-session";
import { createMigratedScratchDatabase, type ScratchDatabase } from "./scratch-database";

export const HOUR = 3_600_000;
export const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
export const hour = (hoursAgo: number) => new Date(thisHour - hoursAgo * HOUR);

let scratch: ScratchDatabase & { appUrl: string };
export let pool: pg.Pool;
export let db: Database;

export async function person(role: "user" | "admin"): Promise<AppSession> {
  const id = randomUUID();
  const email = `incident-${role}-${id}@example.test`;
  await db.execute(sql`insert into "user" (id, email, role) values (${id}, ${email}, ${role})`);
  return { user: { id, email, name: null, role }, expires: new Date(Date.now() + HOUR).toISOString() };
}

export async function member(): Promise<{ session: AppSession; accountId: string }> {
  const session = await person("user");
  const accountId = await runTransaction(db, (tx) => createBillingAccount(tx, { userId: session.user.id }));
  return { session, accountId };
}

export async function errorCodeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "no error";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

export async function count(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await db.execute<{ count: string }>(query);
  return Number(rows.rows[0]!.count);
}

/** The usage transfers (less their write-offs) of an account, per batch, keyed by the batch's hour. */
export async function paidByHour(accountId: string): Promise<Map<number, { billed: bigint; writtenOff: bigint }>> {
  const rows = await db.execute<{ hour: string; billed: string; written_off: string }>(sql`
    select (select min(m.hour) from meter_records m where m.transfer_id = u.id)::text as hour, u.amount_micros::text as billed,
      coalesce(w.amount_micros, 0)::text as written_off
    from transfers u join ledger_accounts l on l.id = u.from_account_id and l.billing_account_id = ${accountId}
    left join transfers w on w.idempotency_key = 'write-off:' || u.idempotency_key
    where u.kind = 'usage'`);
  return new Map(
    rows.rows.map((row) => [
      new Date(row.hour).getTime(),
      { billed: BigInt(row.billed), writtenOff: BigInt(row.written_off) },
    ]),
  );
}

export let operator: AppSession;
export let alice: { session: AppSession; accountId: string };
export let bob: { session: AppSession; accountId: string };
export let carol: { session: AppSession; accountId: string };
/** Every record ingested, in ingestion order, and what rating it again from scratch bills each one. */
export const ingested: MeterRecord[] = [];
export const rerated = new Map<string, bigint>();

// Hours 7 to 3 ago carry usage; the incident runs from 5h30 to 3h45 ago, so it touches (and credits
// whole) the hours 6, 5 and 4 ago, not 7 or 3. A second card, doubling every price, is in force from 4
// hours ago: the window's last hour is rated under it.
export const WINDOW = {
  startsAt: new Date(thisHour - 6 * HOUR + 30 * 60_000),
  endsAt: new Date(thisHour - 4 * HOUR + 15 * 60_000),
};
export const WINDOW_HOURS = [6, 5, 4].map((ago) => hour(ago).getTime());

export function usage(account: string, space: string, hoursAgo: number, calls: bigint): MeterRecord {
  // CPU in odd amounts, so fractions of a micro-dollar are carried between records.
  return {
    id: `incident-${randomUUID()}`,
    account,
    space,
    hour: hour(hoursAgo),
    usage: { ...emptyUsage(), third_party_calls: calls, cpu_ms: 1_234_567n * BigInt(hoursAgo) },
  };
}

/** Builds the world before the file's first test (one card, then one that doubles every price, and five hours of usage); drops it after the last. */
export function openIncidentWorldForThisFile(): void {
  beforeAll(async () => {
    scratch = await createMigratedScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.appUrl, max: 6 });
    db = drizzle(pool, { schema });
    const [v1] = await listRateCards(db);
    await publishRateCard(db, {
      effectiveFrom: hour(4),
      entries: [...v1!.entries.values()].map((entry) => ({ ...entry, priceMicros: entry.priceMicros * 2n })),
      now: new Date(hour(4).getTime() - HOUR / 2),
    });
    operator = await person("admin");
    [alice, bob, carol] = [await member(), await member(), await member()];
    // One batch per hour, as hosts send them: each account's usage transfer of a batch bills that hour.
    for (const ago of [7, 6, 5, 4, 3]) {
      const batch = [
        usage(alice.accountId, "alpha", ago, 1_500n + BigInt(ago)),
        usage(alice.accountId, "beta", ago, 700n),
        usage(bob.accountId, "gamma", ago, 2_000n),
        // Carol's $5 runs out 6 hours ago; past her -$5 floor the rest is written off.
        usage(carol.accountId, "delta", ago, ago === 7 ? 1_000n : 30_000n),
      ];
      await ingestUsage(db, batch);
      ingested.push(...batch);
    }
    // The same records rated again by the rating code, in the same order, from no carries: what each
    // record cost, to the micro-dollar, independently of what ingestion stored.
    const costs = rateRecords(ingested, await listRateCards(db), new Map() as Carries, () => ({
      units: [],
      micros: [],
    })).costs;
    ingested.forEach((record, index) => rerated.set(record.id, BigInt(costs[index]!)));
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
  });
}

export function expectedCost(accountId: string, spaces: string[] | "all"): bigint {
  return ingested
    .filter(
      (record) =>
        record.account === accountId &&
        WINDOW_HOURS.includes(record.hour.getTime()) &&
        (spaces === "all" || spaces.includes(record.space)),
    )
    .reduce((sum, record) => sum + rerated.get(record.id)!, 0n);
}

export const declare = (input: Partial<DeclareIncidentInput> & { spaces?: DeclareIncidentInput["spaces"] }) =>
  declareIncident(db, operator, { title: "Ingestion outage", scope: "all", spaces: [], ...WINDOW, ...input });
