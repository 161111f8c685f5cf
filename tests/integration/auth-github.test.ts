import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { authOrigin, createTestAuth, followLink, mailTo, mailedLink, readSession, sessionCookieOf, signInByLink, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser, inviteEmail } from "../support/auth-fixtures";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubUser } from "../support/fake-github";
import { signInWithGitHub, type GitHubSignInResult } from "../support/github-sign-in";
import { settle } from "../support/signup-fixtures";
import { holdWritesTo } from "../support/table-lock";

const CLIENT_ID = "Iv1.fake-client";
const CLIENT_SECRET = "fake-client-secret";
let github: FakeGitHub;
let nextGitHubId = 1000;

// The app's GitHub provider is configured from the environment, parsed once per test file: point it at
// the fake before anything reads it.
beforeAll(async () => {
  github = await startFakeGitHub({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  vi.stubEnv("AUTH_GITHUB_ID", CLIENT_ID);
  vi.stubEnv("AUTH_GITHUB_SECRET", CLIENT_SECRET);
  vi.stubEnv("AUTH_GITHUB_BASE_URL", github.baseUrl);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await github.close();
  await closeDb();
});

function gitHubUser(email: string, overrides: Partial<FakeGitHubUser> = {}): FakeGitHubUser {
  const id = nextGitHubId++;
  return { id, login: `octo${id}`, name: `Octo ${id}`, publicEmail: null, emails: [{ email, primary: true, verified: true }], ...overrides };
}

type AccountFacts = { userId: string; accountId: string; balance: string; grants: number; inviteStatus: string; githubLinks: number };

async function accountsOf(email: string): Promise<AccountFacts[]> {
  const result = await getDb().execute<{
    user_id: string;
    account_id: string;
    balance: string;
    grants: string;
    invite_status: string;
    github_links: string;
  }>(sql`
    select u.id as user_id, b.id as account_id, l.balance_micros::text as balance,
      (select count(*) from transfers t where t.idempotency_key = 'grant:signup:' || b.id)::text as grants,
      i.status as invite_status,
      (select count(*) from account a where a."userId" = u.id and a.provider = 'github')::text as github_links
    from "user" u
    join billing_accounts b on b.owner_user_id = u.id
    join ledger_accounts l on l.billing_account_id = b.id
    join invites i on i.email = u.email
    where u.email = ${email}`);
  return result.rows.map((row) => ({
    userId: row.user_id,
    accountId: row.account_id,
    balance: row.balance,
    grants: Number(row.grants),
    inviteStatus: row.invite_status,
    githubLinks: Number(row.github_links),
  }));
}

const refusedPage = () => `${authOrigin()}/sign-in/error?error=AccessDenied`;

describe("sign-in with GitHub (against a fake GitHub on loopback)", () => {
  it("sends the browser to GitHub's authorize page with PKCE and state, for the email scopes", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-start");
    await inviteEmail(email);
    github.signInAs(gitHubUser(email));
    const { authorizeUrl } = await signInWithGitHub(auth);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${github.baseUrl}/login/oauth/authorize`);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${authOrigin()}/api/auth/callback/github`,
      scope: "read:user user:email",
      code_challenge_method: "S256",
    });
    expect(authorizeUrl.searchParams.get("state")).toBeTruthy();
  });

  it("creates the account of an invited email once: user, billing account with its grant, invite used", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-invited");
    await inviteEmail(email);
    const person = gitHubUser(email.toUpperCase());
    github.signInAs(person);

    const { callback } = await signInWithGitHub(auth);
    expect(callback.headers.get("location")).toBe(`${authOrigin()}/account`);
    const cookie = sessionCookieOf(callback);
    expect(cookie).toBeDefined();
    const session = await readSession(auth, cookie!);
    expect(session?.user).toMatchObject({ email, role: "user" });
    expect(github.tokenRequests.at(-1)).toEqual({ granted: true });

    const [account, ...others] = await accountsOf(email);
    expect(others).toHaveLength(0);
    expect(account).toMatchObject({ userId: session!.user.id, balance: "5000000", grants: 1, inviteStatus: "used", githubLinks: 1 });

    // Signing in again with the same GitHub account finds the user; nothing new is created or granted.
    github.signInAs(person);
    const again = await signInWithGitHub(auth);
    expect(again.callback.headers.get("location")).toBe(`${authOrigin()}/account`);
    expect((await readSession(auth, sessionCookieOf(again.callback)!))?.user.id).toBe(session!.user.id);
    expect(await accountsOf(email)).toEqual([account]);
  });

  it("admits no uninvited email: no account, no mail, and the page a withdrawn email invite lands on", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-uninvited");
    github.signInAs(gitHubUser(email));
    const { callback } = await signInWithGitHub(auth);
    expect(callback.headers.get("location")).toBe(refusedPage());
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
    expect(await countRows(sql`select count(*) from account where provider = 'github' and "providerAccountId" = ${String(nextGitHubId - 1)}`)).toBe(0);

    // The email flow's refusal of a followed link (its invite withdrawn meanwhile) is the same page.
    const withdrawn = uniqueEmail("gh-withdrawn");
    const inviteId = await inviteEmail(withdrawn);
    const link = await mailedLink(auth, withdrawn);
    await getDb().execute(sql`update invites set status = 'revoked' where id = ${inviteId}`);
    expect((await followLink(auth, link)).headers.get("location")).toBe(refusedPage());
    await settle();
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("does not trust an email GitHub has not verified, even when it is the invited one", async () => {
    const auth = createTestAuth();
    const invited = uniqueEmail("gh-unverified");
    await inviteEmail(invited);
    // The free-text public email and an unverified primary both name the invited address.
    github.signInAs(gitHubUser(invited, { publicEmail: invited, emails: [{ email: invited, primary: true, verified: false }] }));
    const unverified = await signInWithGitHub(auth);
    expect(unverified.callback.headers.get("location")).toBe(refusedPage());

    // Verified, but only a secondary address: the account's identity is its primary verified email.
    const primary = uniqueEmail("gh-primary");
    github.signInAs(
      gitHubUser(primary, {
        publicEmail: invited,
        emails: [
          { email: primary, primary: true, verified: true },
          { email: invited, primary: false, verified: false },
        ],
      }),
    );
    expect((await signInWithGitHub(auth)).callback.headers.get("location")).toBe(refusedPage());

    expect(await countRows(sql`select count(*) from "user" where email in (${invited}, ${primary})`)).toBe(0);
    expect(await countRows(sql`select count(*) from invites where email = ${invited} and status = 'pending'`)).toBe(1);
  });

  it("does not attach GitHub to an existing email account on its own (the person signs in by email)", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-existing");
    const userId = await createExistingUser(email);
    github.signInAs(gitHubUser(email));
    const { callback } = await signInWithGitHub(auth);
    expect(callback.headers.get("location")).toBe(`${authOrigin()}/sign-in?error=OAuthAccountNotLinked`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await countRows(sql`select count(*) from account where "userId" = ${userId}`)).toBe(0);
  });

  it("refuses a first GitHub sign-in of a person who signed up by magic link, whatever the email's case", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-after-link");
    await inviteEmail(email);
    await signInByLink(auth, email);
    const [account] = await accountsOf(email);
    for (const address of [email, email.toUpperCase()]) {
      github.signInAs(gitHubUser(address));
      const { callback } = await signInWithGitHub(auth);
      expect(callback.headers.get("location")).toBe(`${authOrigin()}/sign-in?error=OAuthAccountNotLinked`);
      expect(sessionCookieOf(callback)).toBeUndefined();
    }
    expect(await accountsOf(email)).toEqual([{ ...account, githubLinks: 0 }]);
    expect(account).toMatchObject({ grants: 1, inviteStatus: "used" });
  });

  it("keeps a GitHub identity on the user it is linked to when its email changes to another invited one", async () => {
    const auth = createTestAuth();
    const [first, second] = [uniqueEmail("gh-moved-from"), uniqueEmail("gh-moved-to")];
    await inviteEmail(first);
    await inviteEmail(second);
    const person = gitHubUser(first);
    github.signInAs(person);
    const signedUp = await signInWithGitHub(auth);
    const userId = (await readSession(auth, sessionCookieOf(signedUp.callback)!))?.user.id;

    github.signInAs({ ...person, emails: [{ email: second, primary: true, verified: true }] });
    const { callback } = await signInWithGitHub(auth);
    expect(callback.headers.get("location")).toBe(`${authOrigin()}/account`);
    expect((await readSession(auth, sessionCookieOf(callback)!))?.user.id).toBe(userId);
    expect(await countRows(sql`select count(*) from "user" where email = ${second}`)).toBe(0);
    expect(await countRows(sql`select count(*) from invites where email = ${second} and status = 'pending'`)).toBe(1);
    expect(await countRows(sql`select count(*) from account where "providerAccountId" = ${String(person.id)} and "userId" = ${userId}`)).toBe(1);
  });

  it("creates nothing, not even the link, when the invite is withdrawn while the account is being created", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-withdrawn-midway");
    const inviteId = await inviteEmail(email);
    const person = gitHubUser(email);
    github.signInAs(person);
    // The sign-in passes the eligibility check, then stops at claiming the invite, which is withdrawn.
    const held = await holdWritesTo("invites");
    const signIn = signInWithGitHub(auth);
    try {
      await expect.poll(() => held.waitingOnTable(), { timeout: 10_000 }).toBe(1);
      await held.query("update invites set status = 'revoked' where id = $1", [inviteId.toString()]);
    } finally {
      await held.release();
    }
    const { callback } = await signIn;
    expect(callback.headers.get("location")).toBe(`${authOrigin()}/sign-in/error?error=Configuration`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
    expect(await countRows(sql`select count(*) from account where "providerAccountId" = ${String(person.id)}`)).toBe(0);
  });

  it("refuses a callback whose code GitHub did not issue", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-forged");
    await inviteEmail(email);
    github.signInAs(gitHubUser(email));
    const forged = await signInWithGitHub(auth, { replaceCode: "made-up-code" });
    expect(forged.callback.headers.get("location")).toMatch(/\/sign-in\/error\?error=/);
    expect(sessionCookieOf(forged.callback)).toBeUndefined();
    expect(github.tokenRequests.at(-1)).toEqual({ granted: false, reason: "unknown or used code" });
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
  });

  it("creates one account when the same person's GitHub sign-ins race", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-race");
    await inviteEmail(email);
    github.signInAs(gitHubUser(email));
    const results = await Promise.all([signInWithGitHub(auth), signInWithGitHub(auth), signInWithGitHub(auth)]);
    for (const { callback } of results) expect(callback.headers.get("location")).toBe(`${authOrigin()}/account`);
    const [account, ...others] = await accountsOf(email);
    expect(others).toHaveLength(0);
    expect(account).toMatchObject({ balance: "5000000", grants: 1, inviteStatus: "used", githubLinks: 1 });
  });

  it("signs every racer in to one account while the first one's GitHub link is held unwritten", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("gh-held");
    await inviteEmail(email);
    github.signInAs(gitHubUser(email));
    // The widest window a race can have: the first sign-in stops at its write to the link table (with
    // its user written, committed or not), and the others run as far as they can meanwhile.
    const held = await holdWritesTo("account");
    const racers: Array<Promise<GitHubSignInResult>> = [];
    try {
      racers.push(signInWithGitHub(auth));
      await expect.poll(() => held.waitingOnTable(), { timeout: 10_000 }).toBe(1);
      let settled = 0;
      for (let index = 0; index < 2; index++) racers.push(signInWithGitHub(auth).finally(() => settled++));
      // Each later racer has either finished or is waiting on the first one (the account-creation lock).
      await expect.poll(async () => settled + (await held.waitingOnAdvisoryLock()), { timeout: 10_000 }).toBe(2);
    } finally {
      await held.release();
    }
    const results = await Promise.all(racers);
    expect(results.map(({ callback }) => callback.headers.get("location"))).toEqual(Array(3).fill(`${authOrigin()}/account`));
    const [account, ...others] = await accountsOf(email);
    expect(others).toHaveLength(0);
    expect(account).toMatchObject({ balance: "5000000", grants: 1, inviteStatus: "used", githubLinks: 1 });
    const sessions = await Promise.all(results.map(({ callback }) => readSession(auth, sessionCookieOf(callback)!)));
    expect(new Set(sessions.map((session) => session?.user.id))).toEqual(new Set([account!.userId]));
  });
});
