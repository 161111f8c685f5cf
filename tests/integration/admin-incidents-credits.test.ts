// Issue 18, "Incidents: do not bill system problems": an operator declares an incident, the console
// computes what the affected usage was billed, and confirming credits each account exactly that, once,
// also under two racing confirms. The world (tests/support/incident-world.ts) is this file's own;
// refusals are in admin-incidents-refusals.test.ts.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getStatementPage } from "@/lib/account/get-statement";
import { getIncident } from "@/lib/admin/get-incident";
import { creditIncident } from "@/lib/incidents/credit-incident";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import {
  WINDOW_HOURS,
  alice,
  bob,
  carol,
  count,
  db,
  declare,
  errorCodeOf,
  expectedCost,
  hour,
  openIncidentWorldForThisFile,
  operator,
  paidByHour,
  pool,
} from "../support/incident-world";

openIncidentWorldForThisFile();

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
});
