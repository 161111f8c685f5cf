// Issue 18, "Manual adjustments": an operator's credit or debit posts once however often its form is
// sent, keeps the floor promise, needs a second operator above the limit, shows the customer the note
// (never the reason), emails them only when there is a note, and is audited under the operator's name.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { getStatementPage } from "@/lib/account/get-statement";
import { requestAdjustment } from "@/lib/adjustments/request-adjustment";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { createTestAuth } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { createBarrier } from "../support/concurrency";
import { createLedgerTestAccount } from "../support/ledger-accounts";
import { errorCodeOf, signedInMember, signedInOperator } from "../support/signup-fixtures";
import { adjustment, auditCount, balanceOf, DOLLAR, fieldOf, transfersFor } from "../support/adjustment-fixtures";

afterAll(closeDb);
// ledger:check after each test: every transfer balanced, every cached balance the sum of its entries.
afterEach(async () => {
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
});

const auth = createTestAuth();

describe("a manual adjustment", () => {
  it("posts once under a double submit and under 20 parallel submits of the same form", async () => {
    const operator = await signedInOperator(auth);
    const account = await createLedgerTestAccount();
    const before = await balanceOf(account.accountId);

    const form = adjustment(account.accountId);
    const first = await requestAdjustment(getDb(), operator.session, form);
    const second = await requestAdjustment(getDb(), operator.session, form);
    expect(first).toMatchObject({ status: "posted", isReplay: false });
    expect(second).toEqual({ ...first, isReplay: true });
    expect(await transfersFor(form.idempotencyKey)).toBe(1);

    const raced = adjustment(account.accountId, { amountMicros: 3n * DOLLAR });
    const barrier = createBarrier(20);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async () => {
        await barrier();
        return requestAdjustment(getDb(), operator.session, raced);
      }),
    );
    expect(outcomes.filter((outcome) => !outcome.isReplay)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.requestId))).toHaveProperty("size", 1);
    expect(await transfersFor(raced.idempotencyKey)).toBe(1);
    expect(
      await countRows(sql`select count(*) from adjustment_requests where idempotency_key = ${raced.idempotencyKey}`),
    ).toBe(1);
    expect(await balanceOf(account.accountId)).toBe(before + 13n * DOLLAR);
    expect(await auditCount("adjustment.post", account.accountId, operator.session)).toBe(2);
  });

  it("refuses the same key with other content and posts nothing for it", async () => {
    const operator = await signedInOperator(auth);
    const account = await createLedgerTestAccount();
    const before = await balanceOf(account.accountId);
    const form = adjustment(account.accountId, { amountMicros: 5n * DOLLAR });
    await requestAdjustment(getDb(), operator.session, form);
    for (const other of [
      { amountMicros: 6n * DOLLAR },
      { direction: "debit" as const },
      { note: "A different note" },
      { reason: "Another reason" },
    ]) {
      expect(await errorCodeOf(() => requestAdjustment(getDb(), operator.session, { ...form, ...other }))).toBe(
        "idempotency_conflict",
      );
    }
    // A conflicting first use of a key, raced against the real one, still leaves one request and one transfer.
    const raced = adjustment(account.accountId, { amountMicros: 1n * DOLLAR });
    const settled = await Promise.allSettled([
      requestAdjustment(getDb(), operator.session, raced),
      requestAdjustment(getDb(), operator.session, { ...raced, amountMicros: 2n * DOLLAR }),
    ]);
    expect(settled.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(settled.find((outcome) => outcome.status === "rejected")?.reason).toMatchObject({
      code: "idempotency_conflict",
    });
    expect(await transfersFor(form.idempotencyKey)).toBe(1);
    expect(await transfersFor(raced.idempotencyKey)).toBe(1);
    const credited = (await balanceOf(account.accountId)) - before;
    expect([6n * DOLLAR, 7n * DOLLAR]).toContain(credited);
  });

  it("shows the customer the note on the statement and in one email, never the operators' reason; no note, no email", async () => {
    const operator = await signedInOperator(auth);
    const member = await signedInMember(auth, "adjusted");
    const accountId = (await getAccountSummary(getDb(), member.session)).billing!.accountId;
    const note = "Sorry about Tuesday's outage: this covers the hours your apps could not run.";
    const withNote = adjustment(accountId, { note, reason: "SECRET-REASON ticket 99" });
    const silent = adjustment(accountId, { amountMicros: 2n * DOLLAR, reason: "SECRET-REASON-2 bookkeeping" });
    await requestAdjustment(getDb(), operator.session, withNote);
    await requestAdjustment(getDb(), operator.session, silent);

    const statement = await getStatementPage(getDb(), member.session, { filter: "adjustment" });
    expect(statement.rows.map((row) => [row.kind, row.amountMicros, row.description])).toEqual([
      ["adjustment", 2n * DOLLAR, null],
      ["adjustment", 10n * DOLLAR, note],
    ]);
    const emails = await getDb().execute<{
      key: string;
      to_address: string;
      data: { note: string; amountMicros: string; direction: string };
    }>(sql`
      select idempotency_key as key, to_address, data from email_outbox where account_id = ${accountId} and template = 'account-adjustment'`);
    expect(emails.rows).toHaveLength(1);
    expect(emails.rows[0]).toMatchObject({
      to_address: member.email,
      data: { note, amountMicros: "10000000", direction: "credit" },
    });
    // The reason lives in adjustment_requests and the audit log only.
    expect(
      await countRows(
        sql`select count(*) from transfers where reason like '%SECRET-REASON%' or metadata::text like '%SECRET-REASON%'`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        sql`select count(*) from email_outbox where data::text like '%SECRET-REASON%' or subject like '%SECRET-REASON%'`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        sql`select count(*) from audit_log where action = 'adjustment.post' and after->>'reason' like 'SECRET-REASON%'`,
      ),
    ).toBe(2);
  });

  it("keeps the floor: a debit that would freeze needs 'allow freeze', and none goes below the floor", async () => {
    const operator = await signedInOperator(auth);
    const member = await signedInMember(auth, "floor");
    const accountId = (await getAccountSummary(getDb(), member.session)).billing!.accountId;
    const start = await balanceOf(accountId);
    const floor = -5n * DOLLAR;

    // Down to a cent above the floor: grace, no confirmation needed.
    await requestAdjustment(
      getDb(),
      operator.session,
      adjustment(accountId, { direction: "debit", amountMicros: start - floor - 10_000n }),
    );
    expect(await balanceOf(accountId)).toBe(floor + 10_000n);

    // The last cent reaches the floor, which freezes: refused without the confirmation, nothing stored.
    const toFloor = adjustment(accountId, {
      direction: "debit",
      amountMicros: 10_000n,
      note: "Correcting a double credit.",
    });
    expect(await fieldOf(() => requestAdjustment(getDb(), operator.session, toFloor))).toBe("allowFreeze");
    expect(
      await countRows(sql`select count(*) from adjustment_requests where idempotency_key = ${toFloor.idempotencyKey}`),
    ).toBe(0);
    expect(await transfersFor(toFloor.idempotencyKey)).toBe(0);

    // Confirmed (a fresh form), it posts and freezes the account, with one email that says both.
    const confirmed = { ...toFloor, idempotencyKey: randomUUID(), allowFreeze: true };
    await requestAdjustment(getDb(), operator.session, confirmed);
    expect(await balanceOf(accountId)).toBe(floor);
    expect((await getAccountSummary(getDb(), member.session)).billing!.state).toBe("frozen");
    const owed = await getDb().execute<{ template: string; data: { standing?: { to: string } } }>(sql`
      select template, data from email_outbox where account_id = ${accountId} and template in ('account-adjustment', 'standing-frozen')`);
    expect(owed.rows.map((row) => [row.template, row.data.standing?.to])).toEqual([["account-adjustment", "frozen"]]);

    // Past the floor: refused even when allowed to freeze; nothing is posted and written off.
    const past = adjustment(accountId, { direction: "debit", amountMicros: 10_000n, allowFreeze: true });
    expect(await fieldOf(() => requestAdjustment(getDb(), operator.session, past))).toBe("amount");
    expect(await balanceOf(accountId)).toBe(floor);
    expect(await transfersFor(past.idempotencyKey)).toBe(0);
  });
});
