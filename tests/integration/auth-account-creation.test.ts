import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { authOrigin, createTestAuth, followLink, mailedLink, readSession, sessionCookieOf, uniqueEmail } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

type Created = { userId: string; accountId: string; balance: string; grants: number; inviteStatus: string; usedBy: string | null };

async function whatExistsFor(email: string): Promise<Created[]> {
  const rows = await getDb().execute<{
    user_id: string;
    account_id: string;
    balance: string;
    grants: string;
    invite_status: string;
    used_by: string | null;
  }>(sql`
    select u.id as user_id, b.id as account_id, l.balance_micros::text as balance,
      (select count(*) from transfers t where t.idempotency_key = 'grant:signup:' || b.id)::text as grants,
      i.status as invite_status, i.used_by
    from "user" u
    join billing_accounts b on b.owner_user_id = u.id
    join ledger_accounts l on l.billing_account_id = b.id
    join invites i on i.email = u.email
    where u.email = ${email}`);
  return rows.rows.map((row) => ({
    userId: row.user_id,
    accountId: row.account_id,
    balance: row.balance,
    grants: Number(row.grants),
    inviteStatus: row.invite_status,
    usedBy: row.used_by,
  }));
}

describe("account creation at the first sign-in of an invited email", () => {
  it("creates the user, the billing account with its $5 grant, and uses the invite, once, when links race", async () => {
    const auth = createTestAuth();
    // Several rounds: each follows four different links for one invited email at the same moment.
    for (let round = 0; round < 4; round++) {
      const email = uniqueEmail(`race${round}`);
      await inviteEmail(email);
      const links: string[] = [];
      for (let index = 0; index < 4; index++) links.push(await mailedLink(auth, email));

      const responses = await Promise.all(links.map((link) => followLink(auth, link)));
      for (const response of responses) expect(response.headers.get("location")).toBe(`${authOrigin()}/account`);

      const created = await whatExistsFor(email);
      expect(created).toHaveLength(1);
      const [account] = created;
      expect(account).toMatchObject({ balance: "5000000", grants: 1, inviteStatus: "used", usedBy: account!.userId });
      expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(1);
      // Every racer is signed in, all of them to the one user.
      const sessions = await Promise.all(responses.map((response) => readSession(auth, sessionCookieOf(response)!)));
      expect(new Set(sessions.map((session) => session?.user.id))).toEqual(new Set([account!.userId]));
    }
  });

  it("signs an existing user in again without creating anything", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("returning");
    await inviteEmail(email);
    await followLink(auth, await mailedLink(auth, email));
    const before = await whatExistsFor(email);
    const again = await followLink(auth, await mailedLink(auth, email));
    expect(sessionCookieOf(again)).toBeDefined();
    expect(await whatExistsFor(email)).toEqual(before);
  });
});

describe("a new account's standing (issue 17 bug 1)", () => {
  it("starts active: the welcome credit records no standing change and owes no low-balance email", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("welcome");
    await inviteEmail(email);
    await followLink(auth, await mailedLink(auth, email));
    const [account] = await whatExistsFor(email);
    expect(account).toMatchObject({ balance: "5000000", grants: 1 });
    const state = await getDb().execute<{ state: string }>(sql`select state from billing_accounts where id = ${account!.accountId}`);
    expect(state.rows[0]?.state).toBe("active");
    expect(await countRows(sql`select count(*) from standing_changes where account_id = ${account!.accountId}`)).toBe(0);
    // No standing email of any kind (the low one included) is owed for the welcome credit.
    expect(await countRows(sql`select count(*) from email_outbox where account_id = ${account!.accountId}`)).toBe(0);
  });
});
