// The site's own connection (getDb(), DATABASE_URL as the test stack sets it up, like production) is a
// login in role tandem_app, which owns no table: it can post transfers, but it cannot edit or remove
// ledger rows, TRUNCATE, or get past the immutability triggers by disabling or dropping them. Each
// refusal is tried in a transaction that is rolled back, so that a connection which could (the owner,
// as the site connected before migration app_role) leaves the shared test database as it was.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getEnv } from "@/lib/env";
import { postTransfers } from "@/lib/ledger/post-transfers";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { createLedgerTestAccount } from "../support/ledger-accounts";

const INSUFFICIENT_PRIVILEGE = "42501";

class RolledBack extends Error {}

/** Runs `statement` on the site's connection inside a transaction that never commits; its SQLSTATE. */
async function sqlStateOf(statement: string): Promise<string | undefined> {
  try {
    await getDb().transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) return undefined;
    const failure = error as { code?: string; cause?: { code?: string } };
    return failure.code ?? failure.cause?.code;
  }
}

const ledgerCount = async () =>
  (
    await getDb().execute<{ transfers: number; entries: number }>(
      sql`select (select count(*) from transfers)::int as transfers, (select count(*) from entries)::int as entries`,
    )
  ).rows[0];

afterAll(() => closeDb());

describe("the site's database role", () => {
  it("is not the owner of the ledger tables", async () => {
    const { rows } = await getDb().execute<{ owns: boolean; superuser: boolean }>(sql`
      select pg_has_role(current_user, (select relowner from pg_class where oid = 'transfers'::regclass), 'USAGE') as owns,
        (select rolsuper from pg_roles where rolname = session_user) as superuser`);
    expect(rows[0]).toEqual({ owns: false, superuser: false });
  });

  // Kept true as migrations add tables: the triggers' tables are append-only for tandem_app, and it
  // owns nothing in public (an owner could disable the triggers).
  it("has no UPDATE, DELETE or TRUNCATE on any table the immutability trigger guards, and owns no table", async () => {
    const { rows } = await getDb().execute<{ relname: string; problem: string }>(sql`
      select c.relname, 'writable' as problem from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'ledger_refuse_change' and (has_table_privilege('tandem_app', c.oid, 'UPDATE')
        or has_table_privilege('tandem_app', c.oid, 'DELETE') or has_table_privilege('tandem_app', c.oid, 'TRUNCATE'))
      union all
      select c.relname, 'owned' from pg_class c
      where c.relnamespace = 'public'::regnamespace and pg_has_role('tandem_app', c.relowner, 'USAGE')`);
    expect(rows).toEqual([]);
    const guarded = await getDb().execute<{ tables: number }>(sql`
      select count(distinct t.tgrelid)::int as tables from pg_trigger t join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'ledger_refuse_change'`);
    expect(guarded.rows[0]!.tables).toBeGreaterThanOrEqual(2); // transfers and entries at least
  });

  const refused = [
    "update transfers set amount_micros = amount_micros + 1",
    "delete from transfers",
    "truncate transfers cascade",
    "update entries set amount_micros = 0",
    "delete from entries",
    "truncate entries",
    // Disabling the triggers is how an owner's connection gets round them, so it must be refused too.
    "alter table transfers disable trigger transfers_immutable",
    "alter table entries disable trigger user",
    "alter table transfers disable trigger all",
    "drop trigger transfers_immutable on transfers",
    "drop trigger entries_no_truncate on entries",
    "drop function ledger_refuse_change() cascade",
    // The whole attack in one go: with the triggers off, the edit would go through.
    "alter table transfers disable trigger transfers_immutable; update transfers set amount_micros = amount_micros + 1",
    // The rest of what the ledger was computed from is append-only too.
    "update meter_records set cost_micros = 0",
    "delete from rate_card_entries",
    "update audit_log set action = 'edited'",
    "delete from stripe_events",
    // A failed Stripe event stays on record (issue 18): a later success adds a row, never edits one.
    "update stripe_event_failures set error_code = 'edited'",
    "truncate usage_hours",
    "create table least_privilege_probe (id int)",
  ];

  it.each(refused)("refuses `%s`", async (statement) => {
    const before = await ledgerCount();
    expect(await sqlStateOf(statement)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await ledgerCount()).toEqual(before);
  });

  it("still posts transfers, and caches balances", async () => {
    const account = await createLedgerTestAccount(); // the signup grant: a posting through the same code
    const system = await getSystemAccounts(getDb());
    const key = `least-privilege:${randomUUID()}`;
    const posted = await runTransaction(getDb(), (tx) =>
      postTransfers(tx, [{ idempotencyKey: key, kind: "top_up", fromAccountId: system.stripe_cash, toAccountId: account.ledgerId, amountMicros: 2_000_000n }]),
    );
    expect(posted.balances.get(account.ledgerId)).toBe(account.balance + 2_000_000n);
    const stored = await getDb().execute<{ entries: number }>(
      sql`select count(*)::int as entries from entries e join transfers t on t.id = e.transfer_id where t.idempotency_key = ${key}`,
    );
    expect(stored.rows[0]!.entries).toBe(2);
  });

  it("runs the job queue, new queues included (pg-boss makes a table for each)", async () => {
    const boss = new PgBoss({ connectionString: getEnv().databaseUrl, schema: "pgboss", max: 2, supervise: false, schedule: false });
    await boss.start();
    try {
      const queue = `least-privilege-${randomUUID()}`;
      await boss.createQueue(queue, { name: queue, policy: "standard" });
      const id = await boss.send(queue, { n: 1 });
      const [job] = await boss.fetch<{ n: number }>(queue);
      expect(job?.id).toBe(id);
      await boss.complete(queue, job!.id);
      await boss.deleteJob(queue, job!.id);
      await boss.deleteQueue(queue); // drops the queue's table
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
