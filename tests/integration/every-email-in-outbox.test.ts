// Every email the site sends goes through the outbox (email_outbox, lib/email/send-outbox-emails.ts):
// payment notices, standing changes, auto-recharge notices and sign-in links are recorded with the
// event that causes them, so SMTP down during the event delays the email but never loses it or fails the
// event, and a duplicate event records it once. Real SMTP failures (tests/support/smtp-outage.ts), the
// real sender, scoped to this file's accounts and emails: the database and mail catcher are shared.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliverSignInLink } from "@/lib/auth/deliver-sign-in-link";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { emptyUsage } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getAutoRechargeState } from "@/lib/payments/auto-recharge-settings";
import { fulfillCheckout } from "@/lib/payments/fulfill-checkout";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import {
  createTestAuth,
  followLink,
  linkIn,
  mailTo,
  requestMagicLink,
  sessionCookieOf,
  uniqueEmail,
} from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import { EVENTUALLY } from "../support/eventually";
import { settle } from "../support/signup-fixtures";
import { endSmtpOutage, startSmtpOutage } from "../support/smtp-outage";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  eventFor,
  mailSubjectsTo,
  payTopUp,
  saveCard,
  startTopUp,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();
afterEach(endSmtpOutage);

type OutboxRow = { id: bigint; template: string; attempts: number; isSent: boolean };

/** The outbox's emails about an account (or to an address), oldest first. */
async function outboxOf(
  where: { accountId: string } | { address: string },
  templatePattern = "%",
): Promise<OutboxRow[]> {
  const about = "accountId" in where ? sql`account_id = ${where.accountId}` : sql`to_address = ${where.address}`;
  const rows = await getDb().execute<{ id: string; template: string; attempts: number; is_sent: boolean }>(sql`
    select id::text, template, attempts, sent_at is not null as is_sent from email_outbox
    where ${about} and template like ${templatePattern} order by id`);
  return rows.rows.map((row) => ({
    id: BigInt(row.id),
    template: row.template,
    attempts: row.attempts,
    isSent: row.is_sent,
  }));
}

/** Lets the backoff after the failed try pass, for these rows only. */
async function backoffOver(rows: OutboxRow[]): Promise<void> {
  const ids = JSON.stringify(rows.map((row) => row.id.toString()));
  await getDb().execute(sql`
    update email_outbox set last_attempt_at = now() - interval '2 hours'
    where id in (select jsonb_array_elements_text(${ids}::jsonb)::bigint)`);
}

const failedOnce = (rows: OutboxRow[]) => rows.length > 0 && rows.every((row) => row.attempts === 1 && !row.isSent);

describe("a payment notice", () => {
  it("commits the top-up with SMTP down, is recorded once for a duplicate webhook, and arrives once when SMTP is back", async () => {
    await startSmtpOutage();
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId);
    await vi.waitFor(async () => expect(failedOnce(await outboxOf(user, "payment-%"))).toBe(true), EVENTUALLY);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);

    // The same event again, and the success page's fulfilment: still one receipt owed.
    const event = await eventFor(harness, "checkout.session.completed", sessionId);
    await harness.control("POST", `/events/${event.id}/resend`);
    await fulfillCheckout(getDb(), sessionId);
    await settle();
    const receipts = await outboxOf(user, "payment-%");
    expect(receipts).toMatchObject([{ template: "payment-receipt", attempts: 1, isSent: false }]);
    expect(await mailSubjectsTo(user.email)).toEqual([]);

    endSmtpOutage();
    await backoffOver(receipts);
    expect(await sendOutboxEmails(getDb(), { accountIds: [user.accountId], templates: ["payment-receipt"] })).toBe(1);
    expect(await sendOutboxEmails(getDb(), { accountIds: [user.accountId], templates: ["payment-receipt"] })).toBe(0);
    const receiptsTo = async () =>
      (await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Receipt"));
    await vi.waitFor(
      async () => expect(await receiptsTo()).toEqual(["Receipt: $25.00 added to your Tandem balance"]),
      EVENTUALLY,
    );
  });
});

describe("a standing change", () => {
  it("commits the usage with SMTP down, is recorded once for a duplicate batch, and arrives once when SMTP is back", async () => {
    const user = await createPayingUser();
    // $6 of third-party calls ($0.20 per 1,000) take the $5 welcome credit to -$1: grace.
    const record = {
      id: `outbox-standing:${randomUUID()}`,
      account: user.accountId,
      space: "app",
      hour: new Date("2026-11-01T10:00:00Z"),
    };
    const usage = { ...emptyUsage(), third_party_calls: 30_000n };
    await startSmtpOutage();
    const first = await ingestUsage(getDb(), [{ ...record, usage }]);
    expect(first.standingChanges.map((change) => change.to)).toEqual(["grace"]);
    expect(await notifyStandingChanges(getDb(), { accountIds: [user.accountId] })).toBe(0);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS - 6_000_000n);

    // The same meter record again: a duplicate, no new change, nothing more owed.
    expect(await ingestUsage(getDb(), [{ ...record, usage }])).toMatchObject({
      accepted: 0,
      duplicates: 1,
      standingChanges: [],
    });
    const owed = await outboxOf(user, "standing-%");
    expect(owed.map((row) => row.template)).toContain("standing-grace");
    expect(failedOnce(owed)).toBe(true);
    const changes = await countRows(sql`select count(*) from standing_changes where account_id = ${user.accountId}`);
    expect(owed).toHaveLength(changes);

    endSmtpOutage();
    await backoffOver(owed);
    expect(await notifyStandingChanges(getDb(), { accountIds: [user.accountId] })).toBe(owed.length);
    expect(await notifyStandingChanges(getDb(), { accountIds: [user.accountId] })).toBe(0);
    await vi.waitFor(async () => expect(await mailSubjectsTo(user.email)).toHaveLength(owed.length), EVENTUALLY);
    await settle();
    const subjects = await mailSubjectsTo(user.email);
    expect(subjects).toContain("Your Tandem balance has run out");
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});

describe("an auto-recharge notice", () => {
  it("pauses auto-recharge with SMTP down, is recorded once however often the job runs, and arrives once when SMTP is back", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user, "4000002760003184"); // always needs authentication: the charge fails
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    await startSmtpOutage();
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("failed");
    const state = await getAutoRechargeState(getDb(), user.accountId);
    expect(state).toMatchObject({ pausedReason: "authentication_required", needsAttention: true });

    // The job again (a retry, the sweep): nothing more is owed.
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    const owed = await outboxOf(user, "auto-recharge-%");
    expect(owed).toMatchObject([{ template: "auto-recharge-paused", attempts: 1, isSent: false }]);
    // Standing emails (the card's setup) have gone out before the outage; only this one counts here.
    const pausedMail = async () =>
      (await mailTo(user.email)).filter((mail) => mail.subject.startsWith("Auto-recharge paused"));
    expect(await pausedMail()).toEqual([]);

    endSmtpOutage();
    await backoffOver(owed);
    expect(await sendOutboxEmails(getDb(), { accountIds: [user.accountId], templates: ["auto-recharge-paused"] })).toBe(
      1,
    );
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    await vi.waitFor(async () => expect(await pausedMail()).toHaveLength(1), EVENTUALLY);
    await settle();
    const [mail, ...more] = await pausedMail();
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("Auto-recharge paused: your card needs attention");
    expect(mail?.text).toContain(state!.recoveryUrl!);
  });
});

describe("a sign-in link", () => {
  it("is recorded with SMTP down, arrives once when SMTP is back while it lives, and still signs in", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("outbox-sign-in");
    await inviteEmail(email);
    await startSmtpOutage();
    expect((await requestMagicLink(auth, email)).status).toBe(302);
    await auth.runDeferred();
    const owed = await outboxOf({ address: email }, "magic-link");
    expect(owed).toMatchObject([{ attempts: 1, isSent: false }]);
    expect(await mailTo(email)).toEqual([]);

    endSmtpOutage();
    await backoffOver(owed);
    expect(await sendOutboxEmails(getDb(), { ids: [owed[0]!.id] })).toBe(1);
    await vi.waitFor(async () => expect(await mailTo(email)).toHaveLength(1), EVENTUALLY);
    const link = linkIn((await mailTo(email))[0]);

    // The same request delivered again records nothing more and mails nothing more.
    await deliverSignInLink(getDb(), { email, url: link });
    await settle();
    expect(await outboxOf({ address: email }, "magic-link")).toHaveLength(1);
    expect(await mailTo(email)).toHaveLength(1);
    expect(sessionCookieOf(await followLink(auth, link))).toBeDefined();
  });

  it("is dropped, never sent, once the link it carries has died", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("outbox-sign-in-late");
    await inviteEmail(email);
    await startSmtpOutage();
    expect((await requestMagicLink(auth, email)).status).toBe(302);
    await auth.runDeferred();
    const owed = await outboxOf({ address: email }, "magic-link");
    expect(owed).toMatchObject([{ attempts: 1, isSent: false }]);

    endSmtpOutage();
    await backoffOver(owed);
    await getDb().execute(
      sql`update email_outbox set send_before = now() - interval '1 second' where id = ${owed[0]!.id}`,
    );
    expect(await sendOutboxEmails(getDb(), { ids: [owed[0]!.id] })).toBe(0);
    expect(await outboxOf({ address: email }, "magic-link")).toEqual([]);
    await settle();
    expect(await mailTo(email)).toEqual([]);
  });
});
