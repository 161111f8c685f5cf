// The email outbox (lib/email/send-outbox-emails.ts): invitations and waitlist emails are recorded with
// the change that causes them, so an SMTP outage delays them but never loses them. Real SMTP failures
// (tests/support/smtp-outage.ts), the real sweep, scoped to this file's emails: the database and the mail
// catcher are shared with other test files.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listUndeliveredEmails } from "@/lib/admin/list-undelivered-emails";
import { retryUndeliveredEmail } from "@/lib/admin/retry-undelivered-email";
import { closeDb, getDb } from "@/lib/db/client";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/email-retry";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { pruneStaleRows } from "@/lib/jobs/maintenance-jobs";
import { createInviteCode } from "@/lib/invites/manage-invite-codes";
import { createMemberInvite } from "@/lib/invites/member-invites";
import { redeemInviteCode } from "@/lib/invites/redeem-invite-code";
import { getMetrics } from "@/lib/observability/metrics";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import {
  authOrigin,
  createTestAuth,
  followLink,
  linkIn,
  mailTo,
  randomIp,
  readSession,
  sessionCookieOf,
  uniqueEmail,
  type TestAuth,
} from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { EVENTUALLY } from "../support/eventually";
import { settle, signedInMember, signedInOperator, waitForMail, type SignedIn } from "../support/signup-fixtures";
import { endSmtpOutage, startSmtpOutage } from "../support/smtp-outage";

const INVITATION = "Your invitation to Tandem";

let auth: TestAuth;
let operator: SignedIn;
let member: SignedIn;
beforeAll(async () => {
  // Signed in before any outage: sign-in links go through the same SMTP transport. One after the other:
  // the harness's after-response queue is shared, so a parallel sign-in may find its link not yet mailed.
  auth = createTestAuth();
  operator = await signedInOperator(auth);
  member = await signedInMember(auth);
});
afterEach(endSmtpOutage);
afterAll(closeDb);

type OutboxRow = { id: bigint; attempts: number; isSent: boolean; hasBody: boolean };

/** The outbox's emails to `address` made from `template`, oldest first. */
async function outboxTo(address: string, template = "invite"): Promise<OutboxRow[]> {
  const rows = await getDb().execute<{ id: string; attempts: number; is_sent: boolean; has_body: boolean }>(sql`
    select id::text, attempts, sent_at is not null as is_sent, (data is not null or text_body is not null) as has_body
    from email_outbox where to_address = ${address} and template = ${template} order by id`);
  return rows.rows.map((row) => ({
    id: BigInt(row.id),
    attempts: row.attempts,
    isSent: row.is_sent,
    hasBody: row.has_body,
  }));
}

/** Waits until the send right after the commit has tried (and, during an outage, failed) once. */
async function firstTryFailed(address: string, template?: string): Promise<bigint> {
  await vi.waitFor(
    async () => expect(await outboxTo(address, template)).toMatchObject([{ attempts: 1, isSent: false }]),
    EVENTUALLY,
  );
  return (await outboxTo(address, template))[0]!.id;
}

/** Lets the backoff after the last failed try pass (1 minute after the first, …). */
async function backoffOver(id: bigint): Promise<void> {
  await getDb().execute(sql`update email_outbox set last_attempt_at = now() - interval '2 hours' where id = ${id}`);
}

const subjectsTo = async (address: string) => (await mailTo(address)).map((mail) => mail.subject);

/** The invitation's link creates the account and signs in as `address`. */
async function invitationSignsIn(address: string): Promise<void> {
  const invitation = (await mailTo(address)).find((mail) => mail.subject === INVITATION);
  const signedIn = await followLink(auth, linkIn(invitation));
  expect(signedIn.headers.get("location")).toBe(`${authOrigin()}/account`);
  expect((await readSession(auth, sessionCookieOf(signedIn)!))?.user.email).toBe(address);
}

describe("a waitlist approval during an SMTP outage", () => {
  it("succeeds with no mail, and the sweep sends the invitation exactly once when SMTP is back; its link works", async () => {
    const email = uniqueEmail("outbox-approved");
    await joinWaitlist(getDb(), { email, building: "A shared whiteboard", ip: randomIp() });
    await waitForMail(email);
    const entries = await getDb().execute<{ id: string }>(
      sql`select id::text from waitlist_entries where email = ${email}`,
    );
    const entryId = BigInt(entries.rows[0]!.id);

    await startSmtpOutage();
    await decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "approve" });
    expect(await countRows(sql`select count(*) from invites where email = ${email} and status = 'pending'`)).toBe(1);
    const id = await firstTryFailed(email);
    // A sweep during the outage fails too, and counts the try.
    await backoffOver(id);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    expect(await outboxTo(email)).toMatchObject([{ attempts: 2, isSent: false, hasBody: true }]);
    await settle();
    expect(await subjectsTo(email)).toEqual(["You are on the Tandem waitlist"]);

    endSmtpOutage();
    // Still in its backoff: not yet.
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    await backoffOver(id);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(1);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    await vi.waitFor(async () => expect(await subjectsTo(email)).toContain(INVITATION), EVENTUALLY);
    await settle();
    expect((await subjectsTo(email)).filter((subject) => subject === INVITATION)).toHaveLength(1);
    // Sent: the body, with its live link, is not kept.
    expect(await outboxTo(email)).toMatchObject([{ attempts: 3, isSent: true, hasBody: false }]);
    await invitationSignsIn(email);
  });
});

describe("a member's invitation given up on during an outage", () => {
  it("is listed for operators by kind and address only, and sent exactly once after Try again", async () => {
    const friend = uniqueEmail("outbox-friend");
    await startSmtpOutage();
    await createMemberInvite(getDb(), member.session, friend);
    const id = await firstTryFailed(friend);

    // A day of failures later: the last allowed try fails too, and the email is given up on.
    await getDb().execute(sql`
      update email_outbox set attempts = ${MAX_EMAIL_ATTEMPTS - 1}, last_attempt_at = now() - interval '2 hours' where id = ${id}`);
    const givenUp = async () =>
      (await getMetrics().emailsGivenUp.get()).values.find((value) => value.labels.kind === "outbox")?.value ?? 0;
    const before = await givenUp();
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    expect(await givenUp()).toBe(before + 1);
    await backoffOver(id);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    endSmtpOutage();

    const list = await listUndeliveredEmails(getDb(), operator.session, 10_000);
    const listed = list.givenUp.filter((email) => email.kind === "outbox" && email.id === id);
    expect(listed).toEqual([
      {
        kind: "outbox",
        id,
        subject: "invite",
        accountId: null,
        email: friend,
        owedSince: expect.any(Date) as Date,
        attempts: MAX_EMAIL_ATTEMPTS,
        lastAttemptAt: expect.any(Date) as Date,
      },
    ]);
    // The invitation's sign-in token is nowhere in what operators see.
    expect(
      JSON.stringify(list, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)),
    ).not.toContain("callback");

    await retryUndeliveredEmail(getDb(), operator.session, { kind: "outbox", id });
    expect(await outboxTo(friend)).toMatchObject([{ attempts: 0, isSent: false }]);
    const audit = await getDb().execute<{ entry: string }>(sql`
      select (before::text || after::text) as entry from audit_log where action = 'email.retry' and target = ${`outbox:${id}`}`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.entry).toContain("invite");
    expect(audit.rows[0]!.entry).not.toContain("callback");

    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(1);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    await vi.waitFor(async () => expect(await subjectsTo(friend)).toEqual([INVITATION]), EVENTUALLY);
    expect(await outboxTo(friend)).toMatchObject([{ attempts: 1, isSent: true }]);
    await invitationSignsIn(friend);
  });
});

describe("an invite code redeemed during an outage", () => {
  it("uses the code at once, and the invitation arrives exactly once when SMTP is back", async () => {
    const { code } = await createInviteCode(getDb(), operator.session, { uses: 1, expiresInDays: 1 });
    const email = uniqueEmail("outbox-code");
    await startSmtpOutage();
    await redeemInviteCode(getDb(), { code, email, ip: randomIp() });
    expect(await countRows(sql`select count(*) from invites where email = ${email} and source = 'code'`)).toBe(1);
    const id = await firstTryFailed(email);
    await settle();
    expect(await mailTo(email)).toEqual([]);

    endSmtpOutage();
    await backoffOver(id);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(1);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    await vi.waitFor(async () => expect(await subjectsTo(email)).toEqual([INVITATION]), EVENTUALLY);
    await invitationSignsIn(email);
  });
});

describe("joining the waitlist during an outage", () => {
  it("lists the address at once, and the confirmation arrives exactly once when SMTP is back", async () => {
    const email = uniqueEmail("outbox-joined");
    await startSmtpOutage();
    await joinWaitlist(getDb(), { email, building: "A chess clock", ip: randomIp() });
    expect(
      await countRows(sql`select count(*) from waitlist_entries where email = ${email} and status = 'waiting'`),
    ).toBe(1);
    const id = await firstTryFailed(email, "waitlist-joined");

    endSmtpOutage();
    await backoffOver(id);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(1);
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    await vi.waitFor(
      async () => expect(await subjectsTo(email)).toEqual(["You are on the Tandem waitlist"]),
      EVENTUALLY,
    );
    // Its withdraw link still works after the delay.
    expect((await mailTo(email))[0]?.text).toMatch(/\/waitlist\/withdraw\?token=/);
  });
});

describe("the hourly maintenance job", () => {
  it("forgets emails sent over 30 days ago, and keeps newer ones and every unsent one", async () => {
    const [old, recent, owed] = [uniqueEmail("outbox-old"), uniqueEmail("outbox-recent"), uniqueEmail("outbox-owed")];
    await getDb().execute(sql`
      insert into email_outbox (idempotency_key, template, to_address, subject, text_body, attempts, sent_at, created_at) values
        ('test:' || ${old}, 'invite', ${old}, 'Your invitation to Tandem', null, 1, now() - interval '31 days', now() - interval '31 days'),
        ('test:' || ${recent}, 'invite', ${recent}, 'Your invitation to Tandem', null, 1, now() - interval '29 days', now() - interval '29 days'),
        ('test:' || ${owed}, 'invite', ${owed}, 'Your invitation to Tandem', 'body', ${MAX_EMAIL_ATTEMPTS}, null, now() - interval '90 days')`);

    const report = await pruneStaleRows(getDb());
    expect(await outboxTo(old)).toEqual([]);
    expect(report.sentEmails).toBeGreaterThanOrEqual(1);
    expect(await outboxTo(recent)).toHaveLength(1);
    expect(await outboxTo(owed)).toHaveLength(1);
  });
});
