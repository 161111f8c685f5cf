// Issue 18, "the two-person rule": an adjustment above ADJUSTMENT_APPROVAL_LIMIT_CENTS waits for a second
// operator, posts once however many approve at the same moment, and checks the floor again when approved;
// only operators may request, approve or reject.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { countPendingApprovals } from "@/lib/admin/count-pending-approvals";
import { getAdjustmentTarget } from "@/lib/admin/get-adjustment-target";
import { listAdjustmentRequests } from "@/lib/admin/list-adjustment-requests";
import { decideAdjustment } from "@/lib/adjustments/decide-adjustment";
import { requestAdjustment } from "@/lib/adjustments/request-adjustment";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import type { AppSession } from "@/lib/session/app-session";
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
