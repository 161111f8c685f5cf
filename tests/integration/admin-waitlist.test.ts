import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { closeDb, getDb } from "@/lib/db/client";
import { revokeInvite } from "@/lib/invites/manage-invites";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { listWaitlistPage } from "@/lib/admin/list-waitlist-page";
import { parseWaitlistQueryOrThrow } from "@/lib/admin/waitlist-query";
import { asOwner } from "../support/as-owner";
import { authOrigin, createTestAuth, followLink, linkIn, mailTo, randomIp, readSession, sessionCookieOf, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { errorCodeOf, settle, signedInOperator, waitForMail } from "../support/signup-fixtures";

afterAll(closeDb);

async function listed(email: string): Promise<bigint> {
  await joinWaitlist(getDb(), { email, building: "A multiplayer chess clock", ip: randomIp() });
  await waitForMail(email);
  const rows = await getDb().execute<{ id: string }>(sql`select id::text from waitlist_entries where email = ${email}`);
  return BigInt(rows.rows[0]!.id);
}

describe("operators reviewing the waitlist", () => {
  it("approve: an invite valid 14 days, an email whose single-use link creates the account with its grant, and an audit entry", async () => {
    const auth = createTestAuth();
    const operator = await signedInOperator(auth);
    const email = uniqueEmail("approved");
    const entryId = await listed(email);
    expect((await listWaitlistPage(getDb(), operator.session, parseWaitlistQueryOrThrow({ q: email }))).rows.map((entry) => entry.email)).toEqual([email]);

    await decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "approve" });
    const invites = await getDb().execute<{ source: string; days: string }>(sql`
      select source, round(extract(epoch from expires_at - created_at) / 86400)::text as days from invites where email = ${email} and status = 'pending'`);
    expect(invites.rows).toEqual([{ source: "waitlist", days: "14" }]);
    const tokens = await getDb().execute<{ days: string }>(sql`
      select round(extract(epoch from expires - now()) / 86400)::text as days from "verificationToken" where identifier = ${email}`);
    expect(tokens.rows).toEqual([{ days: "14" }]);

    const mails = await waitForMail(email, 2);
    const invitation = mails.find((mail) => mail.subject === "Your invitation to Tandem");
    const link = linkIn(invitation);
    const signedIn = await followLink(auth, link);
    expect(signedIn.headers.get("location")).toBe(`${authOrigin()}/account`);
    const session = await readSession(auth, sessionCookieOf(signedIn)!);
    expect(session?.user.email).toBe(email);
    const balance = await getDb().execute<{ balance: string }>(sql`
      select l.balance_micros::text as balance from ledger_accounts l join billing_accounts b on b.id = l.billing_account_id
      join "user" u on u.id = b.owner_user_id where u.email = ${email}`);
    expect(balance.rows).toEqual([{ balance: "5000000" }]);
    // Single use: the same link again does not sign in.
    expect(sessionCookieOf(await followLink(auth, link))).toBeUndefined();

    const audit = (await listAuditLog(getDb(), operator.session)).find((entry) => entry.target === `waitlist:${entryId}`);
    expect(audit).toMatchObject({
      actorId: operator.session.user.id,
      actorEmail: operator.email,
      action: "waitlist.approve",
      before: { email, status: "waiting" },
      after: { email, status: "approved" },
    });
    expect(await errorCodeOf(() => decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "reject" }))).toBe("conflict");
  });

  it("reject: no invite, no email, audited", async () => {
    const auth = createTestAuth();
    const operator = await signedInOperator(auth);
    const email = uniqueEmail("rejected");
    const entryId = await listed(email);
    await decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "reject" });
    await settle();
    expect(await mailTo(email)).toHaveLength(1);
    expect(await countRows(sql`select count(*) from invites where email = ${email}`)).toBe(0);
    expect(await countRows(sql`select count(*) from audit_log where action = 'waitlist.reject' and target = ${`waitlist:${entryId}`}`)).toBe(1);
  });

  it("revoking an invite stops its emailed link, audited", async () => {
    const auth = createTestAuth();
    const operator = await signedInOperator(auth);
    const email = uniqueEmail("revoked");
    const entryId = await listed(email);
    await decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "approve" });
    const link = linkIn((await waitForMail(email, 2)).find((mail) => mail.subject === "Your invitation to Tandem"));
    const invite = await getDb().execute<{ id: string }>(sql`select id::text from invites where email = ${email}`);
    await revokeInvite(getDb(), operator.session, BigInt(invite.rows[0]!.id));
    expect(sessionCookieOf(await followLink(auth, link))).toBeUndefined();
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
    expect(await countRows(sql`select count(*) from audit_log where action = 'invite.revoke' and target = ${`invite:${invite.rows[0]!.id}`}`)).toBe(1);
  });

  it("an operator action and its audit entry commit together or not at all", async () => {
    const auth = createTestAuth();
    const operator = await signedInOperator(auth);
    const entryId = await listed(uniqueEmail("atomic"));
    // Make the audit insert fail: the decision must roll back with it.
    // (DDL takes no parameters; entryId is a bigint from the database.)
    // Altering a table takes its owner; the site's login may not.
    await asOwner(`alter table audit_log add constraint audit_test_block check (target <> 'waitlist:${entryId}') not valid`);
    try {
      await expect(decideWaitlistEntry(getDb(), operator.session, { entryId, decision: "approve" })).rejects.toThrow();
    } finally {
      await asOwner(`alter table audit_log drop constraint audit_test_block`);
    }
    expect(await countRows(sql`select count(*) from waitlist_entries where id = ${entryId} and status = 'waiting'`)).toBe(1);
    expect(await countRows(sql`select count(*) from invites i join waitlist_entries w on w.email = i.email where w.id = ${entryId}`)).toBe(0);
  });
});
