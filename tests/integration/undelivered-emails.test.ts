// Owed emails the site gave up on (lib/email/email-retry.ts): counted, listed for operators, and sent
// again on an operator's "Try again". Real SMTP failures (tests/support/smtp-outage.ts), real sweeps,
// scoped to this file's accounts: the database is shared with other test files.
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listUndeliveredEmails } from "@/lib/admin/list-undelivered-emails";
import { retryAllUndeliveredEmails, retryUndeliveredEmail } from "@/lib/admin/retry-undelivered-email";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { getDb } from "@/lib/db/client";
import { MAX_EMAIL_ATTEMPTS, type OwedEmailKind } from "@/lib/email/email-retry";
import { getMetrics } from "@/lib/observability/metrics";
import { sendPaymentNotices } from "@/lib/payments/payment-notices";
import { createTestAuth } from "../support/auth-harness";
import { debit } from "../support/auto-recharge";
import { countRows } from "../support/auth-fixtures";
import { EVENTUALLY } from "../support/eventually";
import { errorCodeOf, signedInMember, signedInOperator, type SignedIn } from "../support/signup-fixtures";
import { endSmtpOutage, startSmtpOutage } from "../support/smtp-outage";
import {
  createPayingUser,
  mailSubjectsTo,
  payTopUp,
  startTopUp,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();
let operator: SignedIn;
let member: SignedIn;
beforeAll(async () => {
  // Signed in before any outage: sign-in links go through the same SMTP transport.
  const auth = createTestAuth();
  [operator, member] = await Promise.all([signedInOperator(auth), signedInMember(auth)]);
});
afterEach(endSmtpOutage);

async function givenUpCounter(kind: OwedEmailKind): Promise<number> {
  return (await getMetrics().emailsGivenUp.get()).values.find((value) => value.labels.kind === kind)?.value ?? 0;
}

// Every owed email is an email_outbox row; payment notices' and standing changes' are about an account.
type AccountEmailKind = Exclude<OwedEmailKind, "outbox">;

async function rowOf(_kind: AccountEmailKind, id: bigint) {
  const rows = await getDb().execute<{ attempts: number; last_attempt_at: Date | null; is_sent: boolean }>(sql`
    select attempts, last_attempt_at, sent_at is not null as is_sent from email_outbox where id = ${id}`);
  return rows.rows[0];
}

/** Skips a day of failures: the email's next try is its last allowed one, and due now. */
async function oneTryLeft(_kind: AccountEmailKind, id: bigint): Promise<void> {
  await getDb().execute(
    sql`update email_outbox set attempts = ${MAX_EMAIL_ATTEMPTS - 1}, last_attempt_at = now() - interval '2 hours' where id = ${id}`,
  );
}

const listedFor = async (accountId: string) =>
  (await listUndeliveredEmails(getDb(), operator.session, 10_000)).givenUp.filter(
    (email) => email.accountId === accountId,
  );

describe("a standing email given up on", () => {
  it("is counted once, listed for operators only, and sent exactly once after Try again", async () => {
    const db = getDb();
    const user = await createPayingUser();
    // $6 of third-party calls take the $5 welcome credit to -$1: the account goes into grace.
    await debit(user.accountId, 600);
    const changes = await db.execute<{ id: string; to_state: string }>(
      sql`select id::text, substr(template, length('standing-') + 1) as to_state from email_outbox
        where account_id = ${user.accountId} and template like 'standing-%' and sent_at is null order by id`,
    );
    const grace = BigInt(changes.rows.find((change) => change.to_state === "grace")!.id);
    const others = changes.rows.filter((change) => BigInt(change.id) !== grace).map((change) => BigInt(change.id));

    await startSmtpOutage();
    expect(await notifyStandingChanges(db, { accountIds: [user.accountId] })).toBe(0);
    // Only the grace email reaches its last try; the others failed once and wait out their backoff.
    await oneTryLeft("standing_change", grace);
    const before = await givenUpCounter("standing_change");
    expect(await notifyStandingChanges(db, { accountIds: [user.accountId] })).toBe(0);
    expect(await givenUpCounter("standing_change")).toBe(before + 1);
    expect(await rowOf("standing_change", grace)).toMatchObject({ attempts: MAX_EMAIL_ATTEMPTS, is_sent: false });

    // Given up means no more tries, however long ago the last one was.
    await db.execute(sql`update email_outbox set last_attempt_at = now() - interval '1 day' where id = ${grace}`);
    expect(await notifyStandingChanges(db, { accountIds: [user.accountId] })).toBe(0);
    expect(await rowOf("standing_change", grace)).toMatchObject({ attempts: MAX_EMAIL_ATTEMPTS });
    expect(await givenUpCounter("standing_change")).toBe(before + 1);
    endSmtpOutage();

    const listed = await listedFor(user.accountId);
    expect(listed).toEqual([
      {
        kind: "standing_change",
        id: grace,
        subject: "standing_grace",
        accountId: user.accountId,
        email: user.email,
        owedSince: expect.any(Date) as Date,
        attempts: MAX_EMAIL_ATTEMPTS,
        lastAttemptAt: expect.any(Date) as Date,
      },
    ]);
    expect((await listUndeliveredEmails(db, operator.session)).retrying).toBeGreaterThanOrEqual(others.length);

    // Members and anonymous callers are refused in the data layer, and nothing changes.
    for (const session of [member.session, null]) {
      expect(await errorCodeOf(() => listUndeliveredEmails(db, session))).toBe("not_found");
      expect(await errorCodeOf(() => retryUndeliveredEmail(db, session, { kind: "standing_change", id: grace }))).toBe(
        "not_found",
      );
    }
    expect(await rowOf("standing_change", grace)).toMatchObject({ attempts: MAX_EMAIL_ATTEMPTS, is_sent: false });

    // Still being retried: not the operator's to force.
    for (const id of others)
      expect(
        await errorCodeOf(() => retryUndeliveredEmail(db, operator.session, { kind: "standing_change", id })),
      ).toBe("conflict");
    expect(
      await errorCodeOf(() =>
        retryUndeliveredEmail(db, operator.session, { kind: "standing_change", id: 9_000_000_000_000n }),
      ),
    ).toBe("not_found");

    await retryUndeliveredEmail(db, operator.session, { kind: "standing_change", id: grace });
    expect(await rowOf("standing_change", grace)).toEqual({ attempts: 0, last_attempt_at: null, is_sent: false });
    // A second press (another operator, a stale page) is refused: it is already due.
    expect(
      await errorCodeOf(() => retryUndeliveredEmail(db, operator.session, { kind: "standing_change", id: grace })),
    ).toBe("conflict");
    expect(await listedFor(user.accountId)).toEqual([]);
    expect(
      await countRows(
        sql`select count(*) from audit_log where action = 'email.retry' and target = ${`standing_change:${grace}`} and actor_id = ${operator.session.user.id}`,
      ),
    ).toBe(1);

    // The next sweep sends it (the others are still in their backoff), and the one after sends nothing.
    expect(await notifyStandingChanges(db, { accountIds: [user.accountId] })).toBe(1);
    expect(await notifyStandingChanges(db, { accountIds: [user.accountId] })).toBe(0);
    await vi.waitFor(
      async () => expect(await mailSubjectsTo(user.email)).toEqual(["Your Tandem balance has run out"]),
      EVENTUALLY,
    );
    expect(await rowOf("standing_change", grace)).toMatchObject({ attempts: 1, is_sent: true });

    // Sent: Try again changes nothing and says why.
    expect(
      await errorCodeOf(() => retryUndeliveredEmail(db, operator.session, { kind: "standing_change", id: grace })),
    ).toBe("conflict");
    expect(await rowOf("standing_change", grace)).toMatchObject({ attempts: 1, is_sent: true });
    expect(await countRows(sql`select count(*) from audit_log where target = ${`standing_change:${grace}`}`)).toBe(1);
  });
});

describe("a receipt given up on", () => {
  it("is counted as a payment notice, listed as a receipt, and sent once after Try again", async () => {
    const db = getDb();
    await startSmtpOutage();
    const user = await createPayingUser();
    await payTopUp(harness, await startTopUp(user, 2500));
    const notice = async () =>
      (
        await db.execute<{ id: string; attempts: number }>(
          sql`select id::text, attempts from email_outbox where account_id = ${user.accountId} and template like 'payment-%'`,
        )
      ).rows;
    await vi.waitFor(async () => expect((await notice())[0]?.attempts).toBe(1), EVENTUALLY);
    const id = BigInt((await notice())[0]!.id);

    await oneTryLeft("payment_notice", id);
    const before = await givenUpCounter("payment_notice");
    expect(await sendPaymentNotices(db, { accountIds: [user.accountId] })).toBe(0);
    expect(await givenUpCounter("payment_notice")).toBe(before + 1);
    endSmtpOutage();
    expect(await listedFor(user.accountId)).toMatchObject([
      { kind: "payment_notice", id, subject: "receipt", email: user.email, attempts: MAX_EMAIL_ATTEMPTS },
    ]);

    await retryUndeliveredEmail(db, operator.session, { kind: "payment_notice", id });
    expect(await sendPaymentNotices(db, { accountIds: [user.accountId] })).toBe(1);
    const receipts = async () => (await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Receipt"));
    await vi.waitFor(
      async () => expect(await receipts()).toEqual(["Receipt: $25.00 added to your Tandem balance"]),
      EVENTUALLY,
    );
    expect(await errorCodeOf(() => retryUndeliveredEmail(db, operator.session, { kind: "payment_notice", id }))).toBe(
      "conflict",
    );
    expect(await rowOf("payment_notice", id)).toMatchObject({ attempts: 1, is_sent: true });
  });
});

describe("Try all again", () => {
  it("makes every given-up email due at once, for operators only, audited once, and refuses a second press", async () => {
    const db = getDb();
    const user = await createPayingUser();
    const accountIds = [user.accountId];
    await startSmtpOutage();
    await payTopUp(harness, await startTopUp(user, 2500));
    await vi.waitFor(
      async () =>
        expect(
          await countRows(sql`select count(*) from email_outbox where account_id = ${user.accountId} and template like 'payment-%' and attempts = 1`),
        ).toBe(1),
      EVENTUALLY,
    );
    // $40 of third-party calls take the $30 balance (welcome credit and top-up) below zero: standing emails.
    await debit(user.accountId, 4000);
    expect(await notifyStandingChanges(db, { accountIds })).toBe(0);
    // A day of failures later: everything this account is owed has been given up on.
    await db.execute(sql`
      update email_outbox set attempts = ${MAX_EMAIL_ATTEMPTS}, last_attempt_at = now()
      where account_id = ${user.accountId} and sent_at is null`);
    endSmtpOutage();
    const owed = (await listedFor(user.accountId)).length;
    expect(owed).toBeGreaterThanOrEqual(2);

    for (const session of [member.session, null])
      expect(await errorCodeOf(() => retryAllUndeliveredEmails(db, session))).toBe("not_found");
    expect(await listedFor(user.accountId)).toHaveLength(owed);

    expect(await retryAllUndeliveredEmails(db, operator.session)).toBeGreaterThanOrEqual(owed);
    expect(await listedFor(user.accountId)).toEqual([]);
    expect(await errorCodeOf(() => retryAllUndeliveredEmails(db, operator.session))).toBe("conflict");
    expect(
      await countRows(
        sql`select count(*) from audit_log where action = 'email.retry_all' and actor_id = ${operator.session.user.id}`,
      ),
    ).toBe(1);

    // The next sweeps send each once: the receipt and every standing email.
    expect((await sendPaymentNotices(db, { accountIds })) + (await notifyStandingChanges(db, { accountIds }))).toBe(owed);
    expect((await sendPaymentNotices(db, { accountIds })) + (await notifyStandingChanges(db, { accountIds }))).toBe(0);
    await vi.waitFor(async () => expect(await mailSubjectsTo(user.email)).toHaveLength(owed), EVENTUALLY);
  });
});
