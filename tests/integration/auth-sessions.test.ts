import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { appSessionSchema } from "@/lib/session/app-session";
import { revokeAllSessions } from "@/lib/session/auth-sessions";
import { readSessionToken, sessionCookieName } from "@/lib/session/read-session";
import { closeDb, getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createTestAuth, readSession as readThroughAuthJs, signInByLink, uniqueEmail, type SessionBody, type TestAuth } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);

// Pages read sessions directly (getCurrentSession → readSessionToken); Auth.js's own endpoint reads them
// for its routes. Every rule below must hold for both, so both run every test.
type SessionReader = (auth: TestAuth, cookie: string) => Promise<SessionBody>;
const readDirectly: SessionReader = async (_auth, cookie) => {
  const name = cookie.slice(0, cookie.indexOf("="));
  return name === sessionCookieName(getEnv().authUrl) ? readSessionToken(getDb(), tokenOf(cookie)) : null;
};
const readers: Array<[string, SessionReader]> = [
  ["Auth.js's session endpoint", readThroughAuthJs],
  ["the pages' direct read", readDirectly],
];
let readSession: SessionReader = readThroughAuthJs;

async function signedInAppSession(auth: TestAuth, cookie: string) {
  return appSessionSchema.parse(await readSession(auth, cookie));
}

async function newInvitedUser(auth: TestAuth): Promise<{ email: string; cookie: string }> {
  const email = uniqueEmail("session");
  await inviteEmail(email);
  return { email, cookie: await signInByLink(auth, email) };
}

describe.each(readers)("database sessions, read by %s", (_name, reader) => {
  beforeEach(() => {
    readSession = reader;
  });

  it("carry the user's id, email and role, read from the database", async () => {
    const auth = createTestAuth();
    const { email, cookie } = await newInvitedUser(auth);
    const session = await signedInAppSession(auth, cookie);
    expect(session.user).toMatchObject({ email, role: "user" });
    const expires = new Date(session.expires).getTime();
    expect(expires - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it("end 30 days after sign-in however recently they were used (absolute timeout)", async () => {
    const auth = createTestAuth();
    const { cookie } = await newInvitedUser(auth);
    // Used yesterday (so the idle deadline is days away), but signed in 30 days ago.
    await getDb().execute(sql`
      update session set "createdAt" = now() - interval '30 days 1 minute', expires = now() + interval '6 days'
      where "sessionToken" = ${tokenOf(cookie)}`);
    expect(await readSession(auth, cookie)).toBeNull();
    expect(await countRows(sql`select count(*) from session where "sessionToken" = ${tokenOf(cookie)}`)).toBe(0);
  });

  it("slide the idle deadline forward on use, never past the absolute end", async () => {
    const auth = createTestAuth();
    const { cookie } = await newInvitedUser(auth);
    await getDb().execute(sql`
      update session set "createdAt" = now() - interval '29 days 23 hours', expires = now() + interval '1 hour'
      where "sessionToken" = ${tokenOf(cookie)}`);
    expect(await readSession(auth, cookie)).not.toBeNull();
    const rows = await getDb().execute<{ beyond_absolute: boolean; hours_left: number }>(sql`
      select expires > "createdAt" + interval '30 days' as beyond_absolute,
        extract(epoch from expires - now()) / 3600 as hours_left
      from session where "sessionToken" = ${tokenOf(cookie)}`);
    expect(rows.rows[0]?.beyond_absolute).toBe(false);
    expect(Number(rows.rows[0]?.hours_left)).toBeLessThan(1.01);

    // A fresh session, by contrast, is extended to a full idle period when due.
    const fresh = await newInvitedUser(auth);
    await getDb().execute(sql`update session set expires = now() + interval '1 hour' where "sessionToken" = ${tokenOf(fresh.cookie)}`);
    expect(await readSession(auth, fresh.cookie)).not.toBeNull();
    const extended = await getDb().execute<{ days_left: number }>(sql`
      select extract(epoch from expires - now()) / 86400 as days_left from session where "sessionToken" = ${tokenOf(fresh.cookie)}`);
    expect(Number(extended.rows[0]?.days_left)).toBeGreaterThan(6.9);
  });

  it("end once idle past their deadline, and the row goes with them", async () => {
    const auth = createTestAuth();
    const { cookie } = await newInvitedUser(auth);
    await getDb().execute(sql`update session set expires = now() - interval '1 minute' where "sessionToken" = ${tokenOf(cookie)}`);
    expect(await readSession(auth, cookie)).toBeNull();
    expect(await countRows(sql`select count(*) from session where "sessionToken" = ${tokenOf(cookie)}`)).toBe(0);
  });

  it("follow a role change on the next read, and know no unknown token", async () => {
    const auth = createTestAuth();
    const { email, cookie } = await newInvitedUser(auth);
    await getDb().execute(sql`update "user" set role = 'admin' where email = ${email}`);
    expect((await signedInAppSession(auth, cookie)).user.role).toBe("admin");
    expect(await readSession(auth, `${cookie.slice(0, cookie.indexOf("="))}=${crypto.randomUUID()}`)).toBeNull();
  });

  it("all end with 'sign out everywhere', and only the signed-in user's", async () => {
    const auth = createTestAuth();
    const alice = await newInvitedUser(auth);
    const aliceLaptop = await signInByLink(auth, alice.email);
    const bob = await newInvitedUser(auth);

    const revoked = await revokeAllSessions(getDb(), await signedInAppSession(auth, alice.cookie));
    expect(revoked).toBe(2);
    expect(await readSession(auth, alice.cookie)).toBeNull();
    expect(await readSession(auth, aliceLaptop)).toBeNull();
    expect((await readSession(auth, bob.cookie))?.user.email).toBe(bob.email);
  });
});

describe("the session cookie", () => {
  it("is set by Auth.js under the name pages read, __Secure- prefixed over https", async () => {
    const { cookie } = await newInvitedUser(createTestAuth());
    expect(cookie.slice(0, cookie.indexOf("="))).toBe(sessionCookieName(getEnv().authUrl));
    expect(sessionCookieName("https://tandem.example")).toBe("__Secure-authjs.session-token");
  });
});

describe("the account summary", () => {
  it("is the session's own account, whatever else exists", async () => {
    const auth = createTestAuth();
    const alice = await newInvitedUser(auth);
    const bob = await newInvitedUser(auth);
    const aliceSummary = await getAccountSummary(getDb(), await signedInAppSession(auth, alice.cookie));
    const bobSummary = await getAccountSummary(getDb(), await signedInAppSession(auth, bob.cookie));
    expect(aliceSummary.email).toBe(alice.email);
    expect(aliceSummary.billing?.balanceMicros).toBe(5_000_000n);
    // A new account starts "active" although $5 is at the default low threshold (DESIGN section 6, issue 17).
    expect(aliceSummary.billing?.state).toBe("active");
    expect(bobSummary.billing?.accountId).not.toBe(aliceSummary.billing?.accountId);
    const owner = await getDb().execute<{ email: string }>(sql`
      select u.email from billing_accounts b join "user" u on u.id = b.owner_user_id where b.id = ${aliceSummary.billing!.accountId}`);
    expect(owner.rows[0]?.email).toBe(alice.email);
  });
});
