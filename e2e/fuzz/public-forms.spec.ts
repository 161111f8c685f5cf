// Fuzz: the public forms a stranger can post without signing in (sign-in, waitlist, invite code) and
// Auth.js's own sign-in endpoint. Hostile field values get the form's error or its neutral answer, never
// a 5xx, and a refused submission writes no waitlist entry, invite or user for that address.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type pg from "pg";
import { expect, test } from "../support/auth-fixture";
import { expectNoServerError, fuzzParameters, hostileString } from "./fuzz-support";
import { readNoJsForm, submitNoJsForm } from "./no-js-forms";

// Valid addresses are unique to this run and labelled per test, so one test's stored entries are never
// mistaken for another's.
const emailArbitrary = (label: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.uuid().map((id) => `fuzz-${label}-${id.slice(0, 8)}-${RUN}@example.com`) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.tuple(hostileString, fc.constantFrom("@example.com", "")).map(([local, domain]) => `${local}${domain}`) },
  );
const RUN = randomUUID().slice(0, 6);

// Each request from its own client address, so the per-IP limits do not end the fuzzing early.
function clientAddress(): Record<string, string> {
  const hex = randomUUID().replace(/-/g, "");
  return { "x-forwarded-for": `10.${[0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".")}` };
}

async function rowsFor(database: pg.Pool, email: string): Promise<number> {
  const { rows } = await database.query<{ count: string }>(
    `select ((select count(*) from waitlist_entries where email = lower(btrim($1))) +
             (select count(*) from invites where email = lower(btrim($1))) +
             (select count(*) from "user" where email = lower(btrim($1))))::text as count`,
    [email.replace(/\u0000/g, "")],
  );
  return Number(rows[0]!.count);
}

test.describe("fuzz: public forms", () => {
  test.describe.configure({ timeout: 150_000 });

  test("waitlist: hostile fields get an answer, never a 5xx; only valid entries are stored", async ({ page, request, database }) => {
    const form = await readNoJsForm(page, "/waitlist", "Join the waitlist");
    const fields = fc.record({ email: emailArbitrary("waitlist"), building: fc.oneof(hostileString, fc.constant("A multiplayer chess club")), link: fc.oneof(hostileString, fc.constant("")) });
    await fc.assert(
      fc.asyncProperty(fields, async (input) => {
        const response = await submitNoJsForm(request, form, input, clientAddress());
        await expectNoServerError(response, `waitlist ${JSON.stringify(input).slice(0, 120)}`);
        if (response.status() === 400) {
          // The form answered with its errors (400 since it is a plain HTML form; a redirect to /waitlist/joined is a 303): nothing stored.
          expect(await rowsFor(database, input.email), "a refused waitlist entry was stored").toBe(0);
        }
      }),
      fuzzParameters(40),
    );
  });

  test("invite code and sign-in forms: no 5xx, and a refused redemption invites no one", async ({ page, request, database }) => {
    const invite = await readNoJsForm(page, "/invite", "Redeem code");
    const signIn = await readNoJsForm(page, "/sign-in", "Email me a sign-in link");
    const fields = fc.record({ code: hostileString, email: emailArbitrary("code") });
    await fc.assert(
      fc.asyncProperty(fields, async ({ code, email }) => {
        const redeemed = await submitNoJsForm(request, invite, { code, email }, clientAddress());
        await expectNoServerError(redeemed, `invite code ${JSON.stringify({ code, email }).slice(0, 120)}`);
        expect(await rowsFor(database, email), "a bad code invited someone").toBe(0);
        const requested = await submitNoJsForm(request, signIn, { email }, clientAddress());
        await expectNoServerError(requested, `sign-in ${JSON.stringify(email).slice(0, 120)}`);
      }),
      fuzzParameters(40),
    );
  });

  test("Auth.js sign-in endpoint: hostile emails, missing CSRF and junk callbacks: no 5xx", async ({ request, database }) => {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const attempt = fc.record({ email: emailArbitrary("auth"), withCsrf: fc.boolean(), callbackUrl: fc.oneof(hostileString, fc.constant("/account")), token: hostileString });
    await fc.assert(
      fc.asyncProperty(attempt, async ({ email, withCsrf, callbackUrl, token }) => {
        const form = { email, callbackUrl, ...(withCsrf ? { csrfToken: csrf.csrfToken } : {}) };
        const response = await request.post("/api/auth/signin/nodemailer", { form, headers: clientAddress(), maxRedirects: 0 });
        await expectNoServerError(response, `auth sign-in ${JSON.stringify(form).slice(0, 120)}`);
        expect(await rowsFor(database, email), "a sign-in request created an account").toBe(0);
        const callback = await request.get(`/api/auth/callback/nodemailer?token=${encodeURIComponent(token.toWellFormed())}&email=${encodeURIComponent(email.toWellFormed())}`, { maxRedirects: 0 });
        await expectNoServerError(callback, "auth callback");
      }),
      fuzzParameters(40),
    );
  });
});
