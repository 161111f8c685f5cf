// Issue 18, "Manual adjustments": an operator's credit or debit posts once however often its form is
// sent, keeps the floor promise, needs a second operator above the limit, shows the customer the note
// (never the reason), emails them only when there is a note, and is audited under the operator's name.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { getStatementPage } from "@/lib/account/get-statement";
import { countPendingApprovals } from "@/lib/admin/count-pending-approvals";
import { getAdjustmentTarget } from "@/lib/admin/get-adjustment-target";
import { listAdjustmentRequests } from "@/lib/admin/list-adjustment-requests";
import { decideAdjustment } from "@/lib/adjustments/decide-adjustment";
import { requestAdjustment, type RequestAdjustmentInput } from "@/lib/adjustments/request-adjustment";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAuth } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { createBarrier } from "../support/concurrency";
import { createLedgerTestAccount } from "../support/ledger-accounts";
import { errorCodeOf, signedInMember, signedInOperator } from "../support/signup-fixtures";

afterAll(closeDb);
// ledger:check after each test: every transfer balanced, every cached balance the sum of its entries.
afterEach(async () => {
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
});

const DOLLAR = 1_000_000n;
const auth = createTestAuth();

function adjustment(accountId: string, overrides: Partial<RequestAdjustmentInput> = {}): RequestAdjustmentInput {
  return {
    accountId,
    idempotencyKey: randomUUID(),
    direction: "credit",
    amountMicros: 10n * DOLLAR,
    reason: "Internal: goodwill for ticket 4711",
    note: undefined,
    allowFreeze: false,
    ...overrides,
  };
}

async function balanceOf(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ balance: string }>(
    sql`select balance_micros::text as balance from ledger_accounts where billing_account_id = ${accountId}`,
  );
  return BigInt(rows.rows[0]!.balance);
}

const transfersFor = (key: string) =>
  countRows(sql`select count(*) from transfers where idempotency_key = ${`adjustment:${key}`}`);
const auditCount = (action: string, accountId: string, actor: AppSession) =>
  countRows(
    sql`select count(*) from audit_log where action = ${action} and target = ${`account:${accountId}`} and actor_id = ${actor.user.id} and actor_email = ${actor.user.email}`,
  );

async function fieldOf(work: () => Promise<unknown>): Promise<string | undefined> {
  const error = await work().catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details?.fields as Array<{ path: string }> | undefined)?.[0]?.path;
}

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

describe("the two-person rule", () => {
  it("holds an adjustment above the limit until another operator approves it; it then posts once, even under 10 racing approvals", async () => {
    const [asker, approver, third] = [
      await signedInOperator(auth),
      await signedInOperator(auth),
      await signedInOperator(auth),
    ];
    const account = await createLedgerTestAccount();
    const before = await balanceOf(account.accountId);
    const pendingBefore = await countPendingApprovals(getDb(), asker.session);

    // $100 is the default limit: exactly the limit posts at once, a cent more waits.
    expect(
      await requestAdjustment(getDb(), asker.session, adjustment(account.accountId, { amountMicros: 100n * DOLLAR })),
    ).toMatchObject({ status: "posted" });
    const form = adjustment(account.accountId, {
      amountMicros: 100n * DOLLAR + 10_000n,
      note: "Refund of a double charge.",
    });
    const requested = await requestAdjustment(getDb(), asker.session, form);
    expect(requested).toMatchObject({ status: "pending", isReplay: false });
    expect(await requestAdjustment(getDb(), asker.session, form)).toEqual({ ...requested, isReplay: true });
    expect(await transfersFor(form.idempotencyKey)).toBe(0);
    expect(await countPendingApprovals(getDb(), asker.session)).toBe(pendingBefore + 1);
    expect((await listAdjustmentRequests(getDb(), approver.session)).pending.map((item) => item.id)).toContain(
      requested.requestId,
    );
    expect(await auditCount("adjustment.request", account.accountId, asker.session)).toBe(1);

    // The asker cannot approve their own, however asked.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(
        await errorCodeOf(() =>
          decideAdjustment(getDb(), asker.session, { requestId: requested.requestId, decision: "approve" }),
        ),
      ).toBe("forbidden");
    }
    expect(await transfersFor(form.idempotencyKey)).toBe(0);

    const barrier = createBarrier(10);
    const approvals = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        await barrier();
        return decideAdjustment(getDb(), (index % 2 === 0 ? approver : third).session, {
          requestId: requested.requestId,
          decision: "approve",
        });
      }),
    );
    expect(approvals.every((outcome) => outcome.status === "approved")).toBe(true);
    expect(approvals.filter((outcome) => !outcome.isReplay)).toHaveLength(1);
    expect(await transfersFor(form.idempotencyKey)).toBe(1);
    expect(await balanceOf(account.accountId)).toBe(before + 200n * DOLLAR + 10_000n);
    expect(await countPendingApprovals(getDb(), asker.session)).toBe(pendingBefore);
    const approvedBy = await getDb().execute<{ decided_by: string; transfer: boolean }>(sql`
      select decided_by, transfer_id is not null as transfer from adjustment_requests where id = ${requested.requestId}`);
    expect([approver.session.user.id, third.session.user.id]).toContain(approvedBy.rows[0]!.decided_by);
    expect(approvedBy.rows[0]!.transfer).toBe(true);
    expect(
      await countRows(
        sql`select count(*) from audit_log where action = 'adjustment.approve' and target = ${`account:${account.accountId}`}`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        sql`select count(*) from email_outbox where template = 'account-adjustment' and account_id = ${account.accountId}`,
      ),
    ).toBe(1);
    expect(
      await errorCodeOf(() =>
        decideAdjustment(getDb(), approver.session, { requestId: requested.requestId, decision: "reject" }),
      ),
    ).toBe("conflict");
  });

  it("a rejected (or withdrawn) adjustment posts nothing and cannot be approved afterwards", async () => {
    const [asker, other] = [await signedInOperator(auth), await signedInOperator(auth)];
    const account = await createLedgerTestAccount();
    const before = await balanceOf(account.accountId);
    const rejected = adjustment(account.accountId, { amountMicros: 500n * DOLLAR, note: "Never sent" });
    const withdrawn = adjustment(account.accountId, { amountMicros: 250n * DOLLAR });
    const first = await requestAdjustment(getDb(), asker.session, rejected);
    const second = await requestAdjustment(getDb(), asker.session, withdrawn);

    expect(
      await decideAdjustment(getDb(), other.session, { requestId: first.requestId, decision: "reject" }),
    ).toMatchObject({ status: "rejected", isReplay: false });
    expect(
      await decideAdjustment(getDb(), asker.session, { requestId: second.requestId, decision: "reject" }),
    ).toMatchObject({ status: "rejected" });
    for (const requestId of [first.requestId, second.requestId]) {
      expect(
        await errorCodeOf(() => decideAdjustment(getDb(), other.session, { requestId, decision: "approve" })),
      ).toBe("conflict");
    }
    expect(await transfersFor(rejected.idempotencyKey)).toBe(0);
    expect(await transfersFor(withdrawn.idempotencyKey)).toBe(0);
    expect(await balanceOf(account.accountId)).toBe(before);
    expect(
      await countRows(
        sql`select count(*) from email_outbox where template = 'account-adjustment' and account_id = ${account.accountId}`,
      ),
    ).toBe(0);
    expect(await auditCount("adjustment.reject", account.accountId, other.session)).toBe(1);
    expect(await auditCount("adjustment.reject", account.accountId, asker.session)).toBe(1);
    expect(
      await errorCodeOf(() =>
        decideAdjustment(getDb(), other.session, { requestId: 9_999_999_999n, decision: "approve" }),
      ),
    ).toBe("not_found");
  });

  it("checks the floor again when approved: a debit the balance no longer allows stays pending", async () => {
    const [asker, approver] = [await signedInOperator(auth), await signedInOperator(auth)];
    const account = await createLedgerTestAccount();
    const { accountId } = account;
    for (let credit = 0; credit < 2; credit++)
      await requestAdjustment(getDb(), asker.session, adjustment(accountId, { amountMicros: 100n * DOLLAR }));
    // Asked while the balance allows it (it would leave grant + $50) ...
    const pending = await requestAdjustment(
      getDb(),
      asker.session,
      adjustment(accountId, { direction: "debit", amountMicros: 150n * DOLLAR }),
    );
    expect(pending.status).toBe("pending");
    // ... then the balance falls to $145, so the $150 debit would now reach the floor and freeze.
    await requestAdjustment(
      getDb(),
      asker.session,
      adjustment(accountId, { direction: "debit", amountMicros: account.balance + 55n * DOLLAR }),
    );
    expect(
      await fieldOf(() =>
        decideAdjustment(getDb(), approver.session, { requestId: pending.requestId, decision: "approve" }),
      ),
    ).toBe("allowFreeze");
    expect(
      await countRows(
        sql`select count(*) from adjustment_requests where id = ${pending.requestId} and status = 'pending' and transfer_id is null`,
      ),
    ).toBe(1);
    expect(await balanceOf(accountId)).toBe(145n * DOLLAR);
  });
});

describe("operators only", () => {
  it("refuses members and anonymous callers in every adjustment function, and changes nothing", async () => {
    const operator = await signedInOperator(auth);
    const member = await signedInMember(auth, "not-an-operator");
    const account = await createLedgerTestAccount();
    const pending = await requestAdjustment(
      getDb(),
      operator.session,
      adjustment(account.accountId, { amountMicros: 1000n * DOLLAR }),
    );
    const before = await balanceOf(account.accountId);
    const form = adjustment(account.accountId);
    const calls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["request", (session) => requestAdjustment(getDb(), session, form)],
      [
        "approve",
        (session) => decideAdjustment(getDb(), session, { requestId: pending.requestId, decision: "approve" }),
      ],
      ["reject", (session) => decideAdjustment(getDb(), session, { requestId: pending.requestId, decision: "reject" })],
      ["count pending", (session) => countPendingApprovals(getDb(), session)],
      ["list requests", (session) => listAdjustmentRequests(getDb(), session)],
      ["target", (session) => getAdjustmentTarget(getDb(), session, account.accountId)],
    ];
    for (const [name, call] of calls) {
      for (const session of [member.session, null]) {
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
      }
    }
    expect(await balanceOf(account.accountId)).toBe(before);
    expect(
      await countRows(
        sql`select count(*) from adjustment_requests where idempotency_key = ${form.idempotencyKey} or id = ${pending.requestId} and status <> 'pending'`,
      ),
    ).toBe(0);
    expect(await countRows(sql`select count(*) from audit_log where actor_id = ${member.session.user.id}`)).toBe(0);
    expect(await getAdjustmentTarget(getDb(), operator.session, account.accountId)).toMatchObject({
      accountId: account.accountId,
      balanceMicros: before,
      standing: "active",
    });
  });
});
