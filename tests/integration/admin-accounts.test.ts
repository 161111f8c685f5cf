// Issue 18, "Accounts": the operator's account page, and freezing, unfreezing,
// closing and ending the sessions of an account: operators only (checked in lib), each audited naming
// the operator and emailed to the customer in the same transaction, standing moved by the standing
// rules, and an operator's freeze that no top-up lifts.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAccountByOperator } from "@/lib/account-controls/close-account-by-operator";
import { endAccountSessions } from "@/lib/account-controls/end-account-sessions";
import { freezeAccount } from "@/lib/account-controls/freeze-account";
import { unfreezeAccount } from "@/lib/account-controls/unfreeze-account";
import { getAccountDetail } from "@/lib/admin/get-account-detail";
import { searchAccounts } from "@/lib/admin/search-accounts";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import { getAccountStandingOrThrow } from "@/lib/billing/get-account-standing";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { creditCardPayment } from "@/lib/payments/credit-card-payment";
import { findBillingOwner } from "@/lib/payments/get-billing-account-for-user";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAuth, mailTo, readSession, signInByLink } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";
import { errorCodeOf, signedInMember, signedInOperator, type SignedIn } from "../support/signup-fixtures";

afterAll(closeDb);

const auth = createTestAuth();
let operatorPromise: Promise<SignedIn> | undefined;
const operator = () => (operatorPromise ??= signedInOperator(auth));

async function topUp(accountId: string, amountMicros: bigint): Promise<void> {
  const owner = (await findBillingOwner(getDb(), accountId))!;
  const session = `cs_test_${randomUUID()}`;
  await runTransaction(getDb(), (tx) =>
    creditCardPayment(tx, {
      owner,
      idempotencyKey: `checkout:${session}`,
      amountMicros,
      reason: "Card top-up",
      metadata: { checkout_session_id: session },
      cause: "top-up",
      receiptUrl: null,
    }),
  );
}

async function auditOf(accountId: string) {
  const rows = await getDb().execute<{ action: string; actor_email: string; after: { reason?: string } | null }>(sql`
    select action, actor_email, after from audit_log where target = ${`account:${accountId}`} order by id`);
  return rows.rows;
}

// Ordered by the numeric id: `order by id` would sort the text column of that name (10 before 9).
async function outboxOf(accountId: string, address: string) {
  const rows = await getDb().execute<{ id: string; template: string; to_address: string }>(sql`
    select id::text, template, to_address from email_outbox
    where (account_id = ${accountId} or idempotency_key like ${`account-control:${accountId}:%`}) and to_address = ${address} order by email_outbox.id`);
  return rows.rows;
}

async function stateOf(account: TestAccount) {
  return (await getAccountStandingOrThrow(getDb(), account.accountId)).state;
}

async function expectLedgerSound() {
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
}

describe("an operator's freeze", () => {
  it("freezes through the standing rules, audited and emailed; no top-up lifts it; unfreezing recomputes from the balance", async () => {
    const { session, email: operatorEmail } = await operator();
    const account = await createTestAccount();
    await freezeAccount(getDb(), session, { accountId: account.accountId, reason: "Card testing from this account" });

    expect(await stateOf(account)).toBe("frozen");
    // The customer's pages read the hold (their frozen notice offers no payment: lib/account/frozen-notice.test.ts).
    expect((await findBillingAccount(getDb(), { accountId: account.accountId }))?.isHeld).toBe(true);
    const change = await getDb().execute<{ from_state: string; to_state: string; cause: string }>(sql`
      select from_state, to_state, cause from standing_changes where account_id = ${account.accountId} order by id desc limit 1`);
    expect(change.rows[0]).toEqual({
      from_state: "active",
      to_state: "frozen",
      cause: "frozen by an operator: Card testing from this account",
    });
    expect(await auditOf(account.accountId)).toEqual([
      {
        action: "account.freeze",
        actor_email: operatorEmail,
        after: { state: "frozen", reason: "Card testing from this account" },
      },
    ]);
    // One email, the operator's, not the standing email as well (which would offer a top-up to unfreeze).
    expect((await outboxOf(account.accountId, account.email)).map((row) => row.template)).toEqual(["account-frozen"]);

    // A top-up, and usage, recompute standing under the ledger lock and find the hold: still frozen.
    await topUp(account.accountId, 50_000_000n);
    await ingestUsage(getDb(), [
      {
        id: `held:${account.accountId}`,
        account: account.accountId,
        space: "app",
        hour: new Date(hourAgo(1)),
        usage: { ...emptyUsage(), messages: 1_000n },
      },
    ]);
    expect(await stateOf(account)).toBe("frozen");
    expect(
      await errorCodeOf(() => freezeAccount(getDb(), session, { accountId: account.accountId, reason: "Again" })),
    ).toBe("conflict");

    await unfreezeAccount(getDb(), session, { accountId: account.accountId, reason: "Cleared with the customer" });
    expect(await stateOf(account)).toBe("active");
    expect((await findBillingAccount(getDb(), { accountId: account.accountId }))?.isHeld).toBe(false);
    expect((await auditOf(account.accountId)).map((entry) => entry.action)).toEqual([
      "account.freeze",
      "account.unfreeze",
    ]);
    expect((await outboxOf(account.accountId, account.email)).map((row) => row.template)).toEqual([
      "account-frozen",
      "payment-receipt",
      "account-unfrozen",
    ]);
    expect(
      await errorCodeOf(() => unfreezeAccount(getDb(), session, { accountId: account.accountId, reason: "Twice" })),
    ).toBe("conflict");

    // The emails reach the customer.
    await sendOutboxEmails(getDb(), { accountIds: [account.accountId] });
    const subjects = (await mailTo(account.email)).map((mail) => mail.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(["Your Tandem account is frozen", "Your Tandem account is no longer frozen"]),
    );
    await expectLedgerSound();
  });

  it("leaves an account frozen by its balance frozen when the operator's freeze is lifted", async () => {
    const { session } = await operator();
    const account = await createTestAccount();
    await freezeAccount(getDb(), session, { accountId: account.accountId, reason: "Review" });
    // $12 of third-party calls takes the $5 grant past the -$5 floor while held.
    await ingestUsage(getDb(), [
      {
        id: `floor:${account.accountId}`,
        account: account.accountId,
        space: "app",
        hour: new Date(hourAgo(1)),
        usage: { ...emptyUsage(), third_party_calls: 60_000n },
      },
    ]);
    await unfreezeAccount(getDb(), session, { accountId: account.accountId, reason: "Review done" });
    expect(await stateOf(account)).toBe("frozen");
    // Now a top-up unfreezes it, as for anyone frozen by their balance.
    await topUp(account.accountId, 20_000_000n);
    expect(await stateOf(account)).toBe("active");
    await expectLedgerSound();
  });

  it("answers an unknown or malformed account id with not_found and changes nothing", async () => {
    const { session } = await operator();
    for (const accountId of ["acct_doesnotexist", "not-an-id", "x".repeat(10_000)]) {
      expect(await errorCodeOf(() => freezeAccount(getDb(), session, { accountId, reason: "Nobody" }))).toBe(
        "not_found",
      );
      expect(await errorCodeOf(() => getAccountDetail(getDb(), session, accountId))).toBe("not_found");
    }
  });
});

describe("closing an account as an operator", () => {
  it("closes it the customer's way, audited, with one last email to the address it had", async () => {
    const { session, email: operatorEmail } = await operator();
    const account = await createTestAccount();
    await getDb().execute(
      sql`insert into "session" ("sessionToken", "userId", expires) values (${`t-${account.userId}`}, ${account.userId}, now() + interval '1 day')`,
    );
    const { emailId } = await closeAccountByOperator(getDb(), session, {
      accountId: account.accountId,
      reason: "Abuse of the free tier",
    });

    expect(await stateOf(account)).toBe("frozen");
    expect(
      await countRows(
        sql`select count(*) from account_closures where account_id = ${account.accountId} and remaining_micros = 5000000`,
      ),
    ).toBe(1);
    expect(await countRows(sql`select count(*) from "session" where "userId" = ${account.userId}`)).toBe(0);
    expect(await countRows(sql`select count(*) from "user" where id = ${account.userId} and email is null`)).toBe(1);
    expect(await auditOf(account.accountId)).toEqual([
      {
        action: "account.close",
        actor_email: operatorEmail,
        after: { state: "frozen", closed: true, reason: "Abuse of the free tier" },
      },
    ]);
    expect((await outboxOf(account.accountId, account.email)).map((row) => row.template)).toEqual(["account-closed"]);
    // Sent, not settled unsent as the emails of a closed account are.
    await sendOutboxEmails(getDb(), { ids: [emailId!] });
    expect((await mailTo(account.email)).map((mail) => mail.subject)).toEqual(["Your Tandem account is closed"]);

    // Money arriving later does not reopen it; the search lists it as closed; closing twice is refused.
    await topUp(account.accountId, 20_000_000n);
    expect(await stateOf(account)).toBe("frozen");
    const closed = await searchAccounts(getDb(), session, { q: account.accountId, standing: "closed", page: 1 });
    expect(closed.rows.map((row) => [row.accountId, row.isClosed])).toEqual([[account.accountId, true]]);
    expect(
      await errorCodeOf(() =>
        closeAccountByOperator(getDb(), session, { accountId: account.accountId, reason: "Again" }),
      ),
    ).toBe("conflict");
    expect(
      await errorCodeOf(() => freezeAccount(getDb(), session, { accountId: account.accountId, reason: "Closed" })),
    ).toBe("conflict");
    await expectLedgerSound();
  });
});

describe("the account page and ending sessions", () => {
  it("shows the person, standing, statement, payments, emails and audit; 'End all sessions' signs every browser out", async () => {
    const { session } = await operator();
    const member = await signedInMember(auth, "customer");
    // A second browser of the same person.
    const secondCookie = await signInByLink(auth, member.email);
    const accountId = (
      await getDb().execute<{ id: string }>(
        sql`select id from billing_accounts where owner_user_id = ${member.session.user.id}`,
      )
    ).rows[0]!.id;
    await topUp(accountId, 25_000_000n);

    const detail = await getAccountDetail(getDb(), session, accountId);
    expect(detail.person).toMatchObject({ email: member.email, signInMethods: ["Email link"] });
    expect(detail.person.sessions).toHaveLength(2);
    expect(detail.account).toMatchObject({
      accountId,
      state: "active",
      lowThresholdMicros: 5_000_000n,
      floorMicros: -5_000_000n,
    });
    expect(detail.hold).toBeNull();
    expect(detail.statement.balanceMicros).toBe(detail.account.balanceMicros);
    expect(detail.statement.lines.map((line) => (line.type === "usage" ? "usage" : line.movement.kind))).toEqual(
      expect.arrayContaining(["top_up"]),
    );
    expect(detail.payments).toMatchObject([{ kind: "top_up", amountMicros: 25_000_000n, stripeUrl: null }]);
    expect(detail.emails.map((email) => email.template)).toEqual(
      expect.arrayContaining(["magic-link", "payment-receipt"]),
    );

    const ended = await endAccountSessions(getDb(), session, accountId);
    expect(ended).toBe(2);
    expect(await readSession(auth, member.cookie)).toBeNull();
    expect(await readSession(auth, secondCookie)).toBeNull();
    const after = await getAccountDetail(getDb(), session, accountId);
    expect(after.person.sessions).toEqual([]);
    expect(after.audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["account.end-sessions", session.user.id],
    ]);
  });
});

describe("a non-operator", () => {
  it("gets not_found from every read and write, and nothing changes", async () => {
    const member = await signedInMember(auth, "nosy");
    const account = await createTestAccount();
    await getDb().execute(
      sql`insert into "session" ("sessionToken", "userId", expires) values (${`t-${account.userId}`}, ${account.userId}, now() + interval '1 day')`,
    );
    const control = { accountId: account.accountId, reason: "Not mine to give" };
    const calls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["search", (session) => searchAccounts(getDb(), session, { page: 1 })],
      ["detail", (session) => getAccountDetail(getDb(), session, account.accountId)],
      ["freeze", (session) => freezeAccount(getDb(), session, control)],
      ["unfreeze", (session) => unfreezeAccount(getDb(), session, control)],
      ["close", (session) => closeAccountByOperator(getDb(), session, control)],
      ["end sessions", (session) => endAccountSessions(getDb(), session, account.accountId)],
    ];
    for (const [name, call] of calls) {
      for (const session of [member.session, null]) {
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
      }
    }
    expect(await stateOf(account)).toBe("active");
    expect(await countRows(sql`select count(*) from "session" where "userId" = ${account.userId}`)).toBe(1);
    expect(await countRows(sql`select count(*) from account_closures where account_id = ${account.accountId}`)).toBe(0);
    expect(await countRows(sql`select count(*) from audit_log where target = ${`account:${account.accountId}`}`)).toBe(
      0,
    );
  });
});
