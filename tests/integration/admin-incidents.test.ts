// Issue 18, "Incidents: do not bill system problems": an operator declares an incident, the console
// computes what the affected usage was billed, and confirming credits each account exactly that, once.
// A scratch database: a second rate card is published here, which must not change prices under the
// other test files.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStatementPage } from "@/lib/account/get-statement";
import { getIncident } from "@/lib/admin/get-incident";
import { listIncidents } from "@/lib/admin/list-incidents";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { publishRateCard } from "@/lib/billing/publish-rate-card";
import { listRateCards } from "@/lib/billing/rate-cards";
import { rateRecords, type Carries } from "@/lib/billing/rate-records";
import { emptyUsage } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { creditIncident } from "@/lib/incidents/credit-incident";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentSchema, type DeclareIncidentInput } from "@/lib/incidents/incident-schemas";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import type { AppSession } from "@/lib/session/app-session";
import { createMigratedScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

const HOUR = 3_600_000;
const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
const hour = (hoursAgo: number) => new Date(thisHour - hoursAgo * HOUR);

let scratch: ScratchDatabase & { appUrl: string };
let pool: pg.Pool;
let db: Database;

async function person(role: "user" | "admin"): Promise<AppSession> {
  const id = randomUUID();
  const email = `incident-${role}-${id}@example.test`;
  await db.execute(sql`insert into "user" (id, email, role) values (${id}, ${email}, ${role})`);
  return { user: { id, email, name: null, role }, expires: new Date(Date.now() + HOUR).toISOString() };
}

async function member(): Promise<{ session: AppSession; accountId: string }> {
  const session = await person("user");
  const accountId = await runTransaction(db, (tx) => createBillingAccount(tx, { userId: session.user.id }));
  return { session, accountId };
}

async function errorCodeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "no error";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await db.execute<{ count: string }>(query);
  return Number(rows.rows[0]!.count);
}

/** The usage transfers (less their write-offs) of an account, per batch, keyed by the batch's hour. */
async function paidByHour(accountId: string): Promise<Map<number, { billed: bigint; writtenOff: bigint }>> {
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

let operator: AppSession;
let alice: { session: AppSession; accountId: string };
let bob: { session: AppSession; accountId: string };
let carol: { session: AppSession; accountId: string };
/** Every record ingested, in ingestion order, and what rating it again from scratch bills each one. */
const ingested: MeterRecord[] = [];
const rerated = new Map<string, bigint>();

// Hours 7 to 3 ago carry usage; the incident runs from 5h30 to 3h45 ago, so it touches (and credits
// whole) the hours 6, 5 and 4 ago, not 7 or 3. A second card, doubling every price, is in force from 4
// hours ago: the window's last hour is rated under it.
const WINDOW = {
  startsAt: new Date(thisHour - 6 * HOUR + 30 * 60_000),
  endsAt: new Date(thisHour - 4 * HOUR + 15 * 60_000),
};
const WINDOW_HOURS = [6, 5, 4].map((ago) => hour(ago).getTime());

function usage(account: string, space: string, hoursAgo: number, calls: bigint): MeterRecord {
  // CPU in odd amounts, so fractions of a micro-dollar are carried between records.
  return {
    id: `incident-${randomUUID()}`,
    account,
    space,
    hour: hour(hoursAgo),
    usage: { ...emptyUsage(), third_party_calls: calls, cpu_ms: 1_234_567n * BigInt(hoursAgo) },
  };
}

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

function expectedCost(accountId: string, spaces: string[] | "all"): bigint {
  return ingested
    .filter(
      (record) =>
        record.account === accountId &&
        WINDOW_HOURS.includes(record.hour.getTime()) &&
        (spaces === "all" || spaces.includes(record.space)),
    )
    .reduce((sum, record) => sum + rerated.get(record.id)!, 0n);
}

const declare = (input: Partial<DeclareIncidentInput> & { spaces?: DeclareIncidentInput["spaces"] }) =>
  declareIncident(db, operator, { title: "Ingestion outage", scope: "all", spaces: [], ...WINDOW, ...input });

describe("incidents", () => {
  it("credits exactly what the window's usage in the affected spaces was billed, whole hours, across two rate cards", async () => {
    const { id } = await declare({
      title: "Alpha and delta stalled",
      scope: "listed",
      spaces: [
        { account: alice.accountId, space: "alpha" },
        { account: carol.accountId, space: "delta" },
      ],
    });
    const { preview, hours } = await getIncident(db, operator, id);
    // A window of partial hours credits every hour it touches, whole: 6, 5 and 4 hours ago.
    expect(hours).toEqual({ from: hour(6), to: hour(3) });
    expect(preview!.cards.map((card) => [card.version, card.hours])).toEqual([
      [1, 2],
      [2, 1],
    ]);

    const aliceCredit = preview!.accounts.find((account) => account.accountId === alice.accountId)!;
    expect(aliceCredit.billedMicros).toBe(expectedCost(alice.accountId, ["alpha"]));
    expect(aliceCredit.writtenOffMicros).toBe(0n);
    expect(aliceCredit.creditMicros).toBe(aliceCredit.billedMicros);
    // Only the affected spaces: beta's usage and Bob's are not in it.
    expect(aliceCredit.billedMicros).toBeLessThan(expectedCost(alice.accountId, "all"));
    expect(preview!.accounts.map((account) => account.accountId).sort()).toEqual(
      [alice.accountId, carol.accountId].sort(),
    );

    // Carol went past her floor in the window: what was written off was never paid, so never credited.
    const paid = await paidByHour(carol.accountId);
    const carolPaid = WINDOW_HOURS.reduce((sum, at) => sum + paid.get(at)!.billed - paid.get(at)!.writtenOff, 0n);
    const carolCredit = preview!.accounts.find((account) => account.accountId === carol.accountId)!;
    expect(carolCredit.billedMicros).toBe(expectedCost(carol.accountId, "all"));
    expect(carolCredit.writtenOffMicros).toBeGreaterThan(0n);
    expect(carolCredit.creditMicros).toBe(carolPaid);

    const balanceBefore = (await getStatementPage(db, alice.session, { filter: "all" })).balanceMicros;
    const result = await creditIncident(db, operator, id);
    expect(result).toEqual({
      isAlreadyCredited: false,
      accounts: 2,
      creditedMicros: aliceCredit.creditMicros + carolCredit.creditMicros,
    });

    // The customer's statement: one line, the incident's title, the exact credit.
    const statement = await getStatementPage(db, alice.session, { filter: "all" });
    const lines = statement.rows.filter((row) => row.kind === "incident_credit");
    expect(lines).toEqual([
      expect.objectContaining({ description: "Alpha and delta stalled", amountMicros: aliceCredit.creditMicros }),
    ]);
    expect(statement.balanceMicros).toBe(balanceBefore + aliceCredit.creditMicros);
    expect((await getStatementPage(db, alice.session, { filter: "adjustment" })).rows.map((row) => row.kind)).toEqual([
      "incident_credit",
    ]);

    // Audited with the operator, in the transaction that credited.
    const audit = await db.execute<{ action: string; actor_id: string; actor_email: string }>(sql`
      select action, actor_id, actor_email from audit_log where target = ${`incident:${id}`} order by id`);
    expect(audit.rows).toEqual([
      { action: "incident.declare", actor_id: operator.user.id, actor_email: operator.user.email },
      { action: "incident.credit", actor_id: operator.user.id, actor_email: operator.user.email },
    ]);

    // Re-running credits nothing twice.
    expect(await creditIncident(db, operator, id)).toEqual({ ...result, isAlreadyCredited: true });
    expect(
      await count(
        sql`select count(*) from transfers where kind = 'incident_credit' and idempotency_key like ${`incident:${id}:%`}`,
      ),
    ).toBe(2);
    const detail = await getIncident(db, operator, id);
    expect(detail.preview).toBeNull();
    expect(detail.credits.map((credit) => [credit.accountId, credit.amountMicros]).sort()).toEqual(
      [
        [alice.accountId, aliceCredit.creditMicros],
        [carol.accountId, carolCredit.creditMicros],
      ].sort(),
    );
    expect(await checkLedgerInvariants(db)).toEqual([]);
  });

  it("credits once under two racing confirms, equal to the usage transfers of those hours, and never the same usage twice", async () => {
    // Every space, the same hours as the incident credited above: alpha and delta would be paid back twice.
    const everything = await declare({ title: "Everything stalled" });
    expect(await errorCodeOf(() => creditIncident(db, operator, everything.id))).toBe("conflict");
    expect(
      await count(sql`select count(*) from transfers where idempotency_key like ${`incident:${everything.id}:%`}`),
    ).toBe(0);

    // The other spaces in the same hours do not overlap it.
    const { id } = await declare({
      title: "Beta and gamma stalled",
      scope: "listed",
      spaces: [
        { account: alice.accountId, space: "beta" },
        { account: bob.accountId, space: "gamma" },
      ],
    });
    // A real race: writes to incident_credits are held until both confirms have started and are waiting
    // (on that table, or on the lock that serialises credits), so neither has committed when the other reads.
    const holder = await pool.connect();
    await holder.query("begin");
    await holder.query('lock table "incident_credits" in share mode');
    const racing = Promise.all([creditIncident(db, operator, id), creditIncident(db, operator, id)]);
    await expect
      .poll(
        async () =>
          Number(
            (await pool.query<{ count: string }>("select count(*) from pg_locks where not granted")).rows[0]!.count,
          ),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await holder.query("commit");
    holder.release();
    const results = await racing;
    expect(results.map((result) => result.isAlreadyCredited).sort()).toEqual([false, true]);
    expect(results[0].creditedMicros).toBe(results[1].creditedMicros);

    const credits = await db.execute<{ account_id: string; amount: string }>(sql`
      select l.billing_account_id as account_id, t.amount_micros::text as amount from transfers t join ledger_accounts l on l.id = t.to_account_id
      where t.kind = 'incident_credit' and t.idempotency_key like ${`incident:${id}:%`}`);
    const byAccount = Object.fromEntries(credits.rows.map((row) => [row.account_id, BigInt(row.amount)]));
    // gamma is Bob's only space: his credit is exactly his usage transfers of the window's batches.
    const paid = await paidByHour(bob.accountId);
    const bobPaid = WINDOW_HOURS.reduce((sum, at) => sum + paid.get(at)!.billed - paid.get(at)!.writtenOff, 0n);
    expect(byAccount).toEqual({ [alice.accountId]: expectedCost(alice.accountId, ["beta"]), [bob.accountId]: bobPaid });
    expect(bobPaid).toBe(expectedCost(bob.accountId, "all"));
    expect(
      await count(
        sql`select count(*) from audit_log where target = ${`incident:${id}`} and action = 'incident.credit'`,
      ),
    ).toBe(1);
    expect(await checkLedgerInvariants(db)).toEqual([]);
  });

  it("refuses a bad window or an unknown space with a clear 400, and stores nothing", async () => {
    const before = await count(sql`select count(*) from incidents`);
    const cases: Array<[Partial<DeclareIncidentInput>, RegExp]> = [
      [{ endsAt: WINDOW.startsAt }, /end must be after the start/],
      [{ endsAt: new Date(Date.now() + HOUR) }, /cannot be in the future/],
      [{ startsAt: new Date(Date.now() - 32 * 24 * HOUR), endsAt: new Date(Date.now() - HOUR) }, /at most 31 days/],
      [
        { scope: "listed", spaces: [{ account: alice.accountId, space: "no-such-space" }] },
        /No such space: .*no-such-space/,
      ],
    ];
    for (const [input, message] of cases) {
      const error = await declare(input).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
      expect((error as AppError).message).toMatch(message);
    }
    // The form's own parsing: a line that is not account/space, no spaces listed, a date that is not one.
    const form = { title: "Outage", startsAt: "2026-12-01T10:30", endsAt: "2026-12-01T11:15", scope: "listed" };
    expect(
      declareIncidentSchema.safeParse({ ...form, spaces: "acct_1/alpha\nnot a space" }).error?.issues[0]?.message,
    ).toMatch(/is not account\/space/);
    expect(declareIncidentSchema.safeParse({ ...form, spaces: "" }).error?.issues[0]?.message).toMatch(
      /List the affected spaces/,
    );
    expect(declareIncidentSchema.safeParse({ ...form, startsAt: "yesterday" }).error?.issues[0]?.message).toMatch(
      /date and time \(UTC\)/,
    );
    const parsed = declareIncidentSchema.parse({ ...form, spaces: "acct_1/alpha\n\n acct_2/beta " });
    expect(parsed.startsAt).toEqual(new Date("2026-12-01T10:30:00Z"));
    expect(parsed.spaces).toEqual([
      { account: "acct_1", space: "alpha" },
      { account: "acct_2", space: "beta" },
    ]);
    expect(await count(sql`select count(*) from incidents`)).toBe(before);
  });

  it("refuses members and anonymous callers with not_found in every call, and changes nothing", async () => {
    const { id } = await declare({ title: "Not for members" });
    const calls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["list", (session) => listIncidents(db, session)],
      ["get", (session) => getIncident(db, session, id)],
      ["declare", (session) => declareIncident(db, session, { title: "Mine", scope: "all", spaces: [], ...WINDOW })],
      ["credit", (session) => creditIncident(db, session, id)],
    ];
    const incidentsBefore = await count(sql`select count(*) from incidents`);
    for (const [name, call] of calls) {
      for (const session of [alice.session, null]) {
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
      }
    }
    expect(await count(sql`select count(*) from incidents`)).toBe(incidentsBefore);
    expect(await count(sql`select count(*) from transfers where idempotency_key like ${`incident:${id}:%`}`)).toBe(0);
    expect((await listIncidents(db, operator)).map((incident) => incident.id)).toContain(id);
  });
});
