// Issue 18, webhooks and payments: every Stripe event's outcome recorded (a failure too, after its
// effect rolled back), a failed event re-fetched from Stripe and applied once by an operator, recorded
// reconciliation runs with "Run now" one at a time, and the overview's "needs attention" counts. Real
// emulator, real route, real Postgres; the database is shared with other test files, so counts are
// compared as differences and lists are read for this file's events.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attentionItemsOf } from "@/components/admin/needs-attention";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { listReconciliationRuns } from "@/lib/admin/list-reconciliation-runs";
import { listStripeEvents } from "@/lib/admin/list-stripe-events";
import { replayStripeEvent } from "@/lib/admin/replay-stripe-event";
import { runReconciliationNow } from "@/lib/admin/run-reconciliation-now";
import { getDb } from "@/lib/db/client";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/email-retry";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { fulfillCheckout } from "@/lib/payments/fulfill-checkout";
import { withReconcileRunLock } from "@/lib/payments/reconcile-run-lock";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { createTestAuth } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import { errorCodeOf, signedInMember, signedInOperator, type SignedIn } from "../support/signup-fixtures";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  eventFor,
  payTopUp,
  saveCard,
  startTopUp,
  transfersOf,
  webhookRequest,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const loadRoute = async () => (await import("@/app/api/stripe/webhook/route")).POST;
const harness = runStripeHarnessInThisFile();
let operator: SignedIn;
let member: SignedIn;

beforeAll(async () => {
  const auth = createTestAuth();
  [operator, member] = await Promise.all([signedInOperator(auth), signedInMember(auth)]);
});

/** Delivers one event to the real route, signed like Stripe, and answers the status and outcome. */
async function deliver(eventId: string): Promise<{ status: number; outcome?: string }> {
  const event = await harness.stripe.events.retrieve(eventId);
  const payload = JSON.stringify(event);
  const response = await (await loadRoute())(webhookRequest(payload, harness.sign(payload)));
  const body = (await response.json()) as { outcome?: string };
  return { status: response.status, outcome: body.outcome };
}

/** A paid top-up whose webhook was dropped: its completed event exists at Stripe, unhandled here. */
async function paidTopUpWithoutWebhook(cents: number) {
  const user = await createPayingUser();
  const sessionId = await startTopUp(user, cents);
  await harness.control("POST", "/webhooks", { mode: "drop" });
  try {
    await payTopUp(harness, sessionId);
  } finally {
    await harness.control("POST", "/webhooks", { mode: "normal" });
  }
  const event = await eventFor(harness, "checkout.session.completed", sessionId);
  return { user, sessionId, eventId: event.id };
}

async function listedEvent(eventId: string) {
  const page = await listStripeEvents(getDb(), operator.session, { id: eventId });
  return page.events.find((event) => event.id === eventId);
}

async function auditOf(target: string) {
  const rows = await getDb().execute<{ action: string; actor_email: string; after: unknown }>(
    sql`select action, actor_email, after from audit_log where target = ${target} order by id`,
  );
  return rows.rows;
}

async function expectLedgerSound(): Promise<void> {
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
}

describe("Stripe events on /admin/payments", () => {
  it("records a failed event with its error, and a replay after the fix applies it once; a second replay changes nothing", async () => {
    const { user, sessionId, eventId } = await paidTopUpWithoutWebhook(2500);
    const before = (await getAdminOverview(getDb(), operator.session)).attention;

    // Stripe cannot be read while fulfilling: the effect rolls back, the failure is recorded anyway.
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/checkout/sessions", kind: "500", count: 20 });
    try {
      expect((await deliver(eventId)).status).toBe(502);
      expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
      const failed = await listStripeEvents(getDb(), operator.session, {
        outcome: "failed",
        type: "checkout.session.completed",
        id: eventId,
      });
      expect(failed.events.find((event) => event.id === eventId)).toMatchObject({
        outcome: "failed",
        objectId: sessionId,
        failures: 1,
        error: { code: "dependency_failed", message: expect.stringContaining("Stripe did not answer") as unknown },
      });
      expect((await getAdminOverview(getDb(), operator.session)).attention.failedEvents).toBeGreaterThanOrEqual(
        before.failedEvents + 1,
      );

      // A replay before the cause is fixed fails again: recorded, audited, the error told to the operator.
      expect(await errorCodeOf(() => replayStripeEvent(getDb(), operator.session, eventId))).toBe("dependency_failed");
      expect((await listedEvent(eventId))?.failures).toBe(2);
    } finally {
      await harness.control("DELETE", "/faults");
    }

    expect(await replayStripeEvent(getDb(), operator.session, eventId)).toMatchObject({ outcome: "applied" });
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    expect(await listedEvent(eventId)).toMatchObject({ outcome: "applied", failures: 2, note: "paid" });
    expect((await listStripeEvents(getDb(), operator.session, { outcome: "failed", id: eventId })).events).toEqual([]);

    expect(await replayStripeEvent(getDb(), operator.session, eventId)).toMatchObject({ outcome: "duplicate" });
    expect(await transfersOf(user.accountId)).toEqual([
      { kind: "top_up", key: `checkout:${sessionId}`, micros: 25_000_000n },
    ]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    expect(await countRows(sql`select count(*) from stripe_events where id = ${eventId}`)).toBe(1);

    const audit = await auditOf(`stripe-event:${eventId}`);
    expect(
      audit.map((entry) => [entry.action, entry.actor_email, (entry.after as { outcome: string }).outcome]),
    ).toEqual([
      ["payments.replay_event", operator.email, "failed"],
      ["payments.replay_event", operator.email, "applied"],
      ["payments.replay_event", operator.email, "duplicate"],
    ]);
    await expectLedgerSound();
  });

  it("records applied, duplicate and ignored outcomes", async () => {
    // Applied: the emulator delivers the completed event, which credits.
    const paid = await createPayingUser();
    const paidSession = await startTopUp(paid, 1000);
    await payTopUp(harness, paidSession);
    const appliedEvent = await eventFor(harness, "checkout.session.completed", paidSession);
    await expect.poll(async () => (await listedEvent(appliedEvent.id))?.outcome, { timeout: 15_000 }).toBe("applied");

    // Duplicate: the return page credited first, so the event finds its work done.
    const { user, sessionId, eventId } = await paidTopUpWithoutWebhook(1500);
    await fulfillCheckout(getDb(), sessionId);
    expect(await deliver(eventId)).toEqual({ status: 200, outcome: "duplicate" });
    expect(await listedEvent(eventId)).toMatchObject({ outcome: "duplicate", error: null });
    // The same event again is answered from its record, and stays one row.
    expect(await deliver(eventId)).toEqual({ status: 200, outcome: "duplicate" });
    expect(await countRows(sql`select count(*) from stripe_events where id = ${eventId}`)).toBe(1);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 15_000_000n);

    // Ignored: a type we do not act on (the emulator delivered it when the customer was created).
    const customerEvent = (await harness.stripe.events.list({ type: "customer.created", limit: 1 })).data[0]!;
    await expect.poll(async () => (await listedEvent(customerEvent.id))?.outcome, { timeout: 15_000 }).toBe("ignored");
    const ignored = await listStripeEvents(getDb(), operator.session, { outcome: "ignored", type: "customer.created" });
    expect(ignored.events.length).toBeGreaterThan(0);
    expect(ignored.events.every((event) => event.outcome === "ignored" && event.type === "customer.created")).toBe(
      true,
    );
    // The filters combine: this event is not among the applied ones.
    expect(
      (await listStripeEvents(getDb(), operator.session, { outcome: "applied", id: customerEvent.id })).events,
    ).toEqual([]);
    await expectLedgerSound();
  });

  it("pages the list newest first, 25 a page", async () => {
    const type = `test_paging.${randomUUID().replace(/[^a-f]/g, "")}`;
    for (let index = 0; index < 30; index += 1) {
      await getDb().execute(sql`
        insert into stripe_event_failures (event_id, type, stripe_created_at, failed_at, error_code, error_message)
        values (${`evt_paging${index}_${randomUUID().replaceAll("-", "")}`}, ${type}, now(), now() - make_interval(secs => ${index}), 'internal', 'x')`);
    }
    const first = await listStripeEvents(getDb(), operator.session, { type });
    const second = await listStripeEvents(getDb(), operator.session, { type, page: 2 });
    expect([first.events.length, first.hasNext, second.events.length, second.hasNext]).toEqual([25, true, 5, false]);
    const order = [...first.events, ...second.events].map((event) => Number(/^evt_paging(\d+)_/.exec(event.id)![1]));
    expect(order).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it("refuses an event id that never reached us, and changes nothing", async () => {
    expect(
      await errorCodeOf(() => replayStripeEvent(getDb(), operator.session, `evt_${randomUUID().replaceAll("-", "")}`)),
    ).toBe("not_found");
  });
});

describe("the overview's needs attention", () => {
  it("counts given-up emails and accounts in grace or frozen with auto-recharge paused", async () => {
    const before = (await getAdminOverview(getDb(), operator.session)).attention;
    const frozen = await createPayingUser();
    const grace = await createPayingUser();
    const activePaused = await createPayingUser();
    for (const [account, state] of [
      [frozen.accountId, "frozen"],
      [grace.accountId, "grace"],
      [activePaused.accountId, "active"],
    ] as const) {
      await getDb().execute(sql`update billing_accounts set state = ${state} where id = ${account}`);
      await getDb().execute(sql`
        insert into auto_recharge_settings (billing_account_id, enabled, threshold_micros, target_micros, monthly_cap_micros, paused_at, paused_reason)
        values (${account}, true, 1000000, 20000000, 100000000, ${account === grace.accountId ? null : sql`now()`}, 'card_declined')`);
    }
    await getDb().execute(sql`
      insert into email_outbox (idempotency_key, template, to_address, subject, text_body, attempts, last_attempt_at)
      values (${`test:${randomUUID()}`}, 'waitlist-joined', ${`gave-up-${randomUUID()}@example.test`}, 'x', 'x', ${MAX_EMAIL_ATTEMPTS}, now())`);
    const after = (await getAdminOverview(getDb(), operator.session)).attention;
    // Only the frozen one counts: grace's auto-recharge is not paused, the paused one is active.
    expect(after.pausedAccounts - before.pausedAccounts).toBe(1);
    expect(after.givenUpEmails - before.givenUpEmails).toBe(1);
    // The overview's items: the approvals slot shows only once a count is wired in.
    const keys = (items: Array<{ key: string }>) => items.map((item) => item.key);
    expect(keys(attentionItemsOf(after))).not.toContain("pending-approvals");
    expect(keys(attentionItemsOf(after, 2))).toContain("pending-approvals");
    expect(attentionItemsOf(after).find((item) => item.key === "paused-accounts")).toMatchObject({
      count: after.pausedAccounts,
    });
  });
});

describe("reconciliation runs", () => {
  it("runs now, one at a time, recording the run, its drift and the operator, and the overview shows the drift", async () => {
    // Held by another run (the job on another instance, say): "Run now" is refused at once.
    await withReconcileRunLock(async () => {
      expect(await errorCodeOf(() => runReconciliationNow(getDb(), operator.session))).toBe("conflict");
    });

    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const credit = (await transfersOf(user.accountId)).find((transfer) => transfer.kind === "top_up")!;
    await harness.control("POST", "/reset"); // Stripe forgets the payment: its credit is drift
    try {
      const { runId, report } = await runReconciliationNow(getDb(), operator.session);
      expect(report.drift.map((drift) => [drift.kind, drift.key])).toContainEqual([
        "credit_without_payment",
        credit.key,
      ]);
      const [run] = (await listReconciliationRuns(getDb(), operator.session)).filter((listed) => listed.id === runId);
      expect(run).toMatchObject({
        trigger: "operator",
        operatorEmail: operator.email,
        driftCount: report.drift.length,
        error: null,
      });
      expect(run!.finishedAt).toBeInstanceOf(Date);
      expect(run!.findings.length).toBe(Math.min(100, report.drift.length + report.repaired.length));
      if (report.drift.length <= 100) expect(run!.findings.map((finding) => finding.key)).toContain(credit.key);
      expect((await getAdminOverview(getDb(), operator.session)).attention).toMatchObject({
        drift: report.drift.length,
        isLastReconciliationFailed: false,
      });
      expect((await auditOf(`reconciliation-run:${runId}`)).map((entry) => [entry.action, entry.actor_email])).toEqual([
        ["payments.reconcile", operator.email],
      ]);
      expect(await balanceOf(user.accountId)).toBe(20_000_000n); // drift is reported, never "fixed" by guessing
    } finally {
      await harness.control("POST", "/webhooks", { mode: "normal", urls: [] });
    }
    await expectLedgerSound();
  });
});

describe("non-operators", () => {
  it("are refused with not_found by every read and action, and nothing is written", async () => {
    const { eventId } = await paidTopUpWithoutWebhook(1000);
    const runsBefore = await countRows(sql`select count(*) from reconciliation_runs`);
    for (const session of [member.session, null]) {
      expect(await errorCodeOf(() => listStripeEvents(getDb(), session, {}))).toBe("not_found");
      expect(await errorCodeOf(() => listReconciliationRuns(getDb(), session))).toBe("not_found");
      expect(await errorCodeOf(() => replayStripeEvent(getDb(), session, eventId))).toBe("not_found");
      expect(await errorCodeOf(() => runReconciliationNow(getDb(), session))).toBe("not_found");
      expect(await errorCodeOf(() => getAdminOverview(getDb(), session))).toBe("not_found");
    }
    expect(await countRows(sql`select count(*) from stripe_events where id = ${eventId}`)).toBe(0);
    expect(await countRows(sql`select count(*) from reconciliation_runs`)).toBe(runsBefore);
    expect(await countRows(sql`select count(*) from audit_log where actor_id = ${member.session.user.id}`)).toBe(0);
  });
});
