import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/session/session-policy";
import { authOrigin, createTestAuth, followLink, mailedLink, readSession, requestMagicLink, sessionCookieOf, uniqueEmail } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);
afterEach(() => vi.useRealTimers());

const expiredPage = `${authOrigin()}/sign-in/error?error=Verification`;

describe("magic links", () => {
  it("sign in once; the same link again lands on the expired-or-used page", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("once");
    await inviteEmail(email);
    const link = await mailedLink(auth, email);

    const first = await followLink(auth, link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${authOrigin()}/account`);
    const cookie = sessionCookieOf(first);
    expect((await readSession(auth, cookie!))?.user.email).toBe(email);

    const again = await followLink(auth, link);
    expect(again.headers.get("location")).toBe(expiredPage);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it("work once even when the same link is followed twice at the same moment", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("twice");
    await inviteEmail(email);
    const link = await mailedLink(auth, email);
    const responses = await Promise.all([followLink(auth, link), followLink(auth, link)]);
    const signedIn = responses.filter((response) => sessionCookieOf(response) !== undefined);
    expect(signedIn).toHaveLength(1);
    expect(responses.map((response) => response.headers.get("location")).sort()).toEqual([`${authOrigin()}/account`, expiredPage]);
  });

  it("expire after 10 minutes", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("expiry");
    await inviteEmail(email);
    const requestedAt = Date.now();
    const early = await mailedLink(auth, email);
    const late = await mailedLink(auth, email);
    vi.useFakeTimers({ toFake: ["Date"] });

    vi.setSystemTime(requestedAt + (MAGIC_LINK_MAX_AGE_SECONDS - 15) * 1000);
    expect(sessionCookieOf(await followLink(auth, early))).toBeDefined();

    vi.setSystemTime(requestedAt + (MAGIC_LINK_MAX_AGE_SECONDS + 1) * 1000);
    const expired = await followLink(auth, late);
    expect(expired.headers.get("location")).toBe(expiredPage);
    expect(sessionCookieOf(expired)).toBeUndefined();
  });

  it("stop working when the invite is revoked after the link was mailed, creating nothing", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("revoked");
    const inviteId = await inviteEmail(email);
    const link = await mailedLink(auth, email);
    await getDb().execute(sql`update invites set status = 'revoked' where id = ${inviteId}`);
    const response = await followLink(auth, link);
    expect(response.headers.get("location")).toBe(`${authOrigin()}/sign-in/error?error=AccessDenied`);
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
  });

  it("are pruned once expired, whenever someone asks for a link", async () => {
    const auth = createTestAuth();
    const stale = uniqueEmail("stale");
    await getDb().execute(sql`
      insert into "verificationToken" (identifier, token, expires) values (${stale}, 'stale-token-hash', now() - interval '1 minute')`);
    await requestMagicLink(auth, uniqueEmail("anyone"));
    expect(await countRows(sql`select count(*) from "verificationToken" where identifier = ${stale}`)).toBe(1);
    await auth.runDeferred();
    expect(await countRows(sql`select count(*) from "verificationToken" where identifier = ${stale}`)).toBe(0);
  });
});
