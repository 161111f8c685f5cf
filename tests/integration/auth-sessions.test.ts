import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { appSessionSchema } from "@/lib/auth/app-session";
import { revokeAllSessions } from "@/lib/auth/auth-sessions";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestAuth, readSession, signInByLink, uniqueEmail, type TestAuth } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);

async function signedInAppSession(auth: TestAuth, cookie: string) {
  return appSessionSchema.parse(await readSession(auth, cookie));
}

async function newInvitedUser(auth: TestAuth): Promise<{ email: string; cookie: string }> {
  const email = uniqueEmail("session");
  await inviteEmail(email);
  return { email, cookie: await signInByLink(auth, email) };
}

describe("database sessions", () => {
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

describe("the account summary", () => {
  it("is the session's own account, whatever else exists", async () => {
    const auth = createTestAuth();
    const alice = await newInvitedUser(auth);
    const bob = await newInvitedUser(auth);
    const aliceSummary = await getAccountSummary(getDb(), await signedInAppSession(auth, alice.cookie));
    const bobSummary = await getAccountSummary(getDb(), await signedInAppSession(auth, bob.cookie));
    expect(aliceSummary.email).toBe(alice.email);
    expect(aliceSummary.billing?.balanceMicros).toBe(5_000_000n);
    // $5 is at the default low-balance threshold, so a new account starts "low" (DESIGN section 6).
    expect(aliceSummary.billing?.state).toBe("low");
    expect(bobSummary.billing?.accountId).not.toBe(aliceSummary.billing?.accountId);
    const owner = await getDb().execute<{ email: string }>(sql`
      select u.email from billing_accounts b join "user" u on u.id = b.owner_user_id where b.id = ${aliceSummary.billing!.accountId}`);
    expect(owner.rows[0]?.email).toBe(alice.email);
  });
});
