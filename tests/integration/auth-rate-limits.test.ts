import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { claimSignInMail } from "@/lib/auth/claim-sign-in-mail";
import { limitSignInRequests, SIGN_IN_LIMITS } from "@/lib/auth/limit-sign-in-requests";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  authOrigin,
  cookiePairs,
  createTestAuth,
  followLink,
  linkIn,
  mailTo,
  randomIp,
  requestMagicLink,
  sessionCookieOf,
  uniqueEmail,
  type TestAuth,
} from "../support/auth-harness";
import { inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A magic-link POST as a forger sends it: no CSRF cookie, or a made-up token. */
function forgedRequest(auth: TestAuth, email: string, ip: string, csrfToken?: string): Promise<Response> {
  const body = new URLSearchParams({ email, callbackUrl: `${authOrigin()}/account`, ...(csrfToken ? { csrfToken } : {}) });
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": ip,
    ...(csrfToken ? { cookie: `authjs.csrf-token=${csrfToken}%7C${"0".repeat(64)}` } : {}),
  };
  return auth.route.POST(new NextRequest(`${authOrigin()}/api/auth/signin/nodemailer`, { method: "POST", headers, body }));
}

describe("sign-in rate limits", () => {
  it("mail an address a few links per window, from any client, then quietly send no more", async () => {
    const email = uniqueEmail("per-email");
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail.limit; index++) {
      expect(await claimSignInMail(getDb(), email)).toBe(true);
    }
    // Same address in another case: one bucket.
    expect(await claimSignInMail(getDb(), email.toUpperCase())).toBe(false);
    expect(await claimSignInMail(getDb(), uniqueEmail("per-email"))).toBe(true);
  });

  it("allow more requests per IP address across emails, then refuse with a wait", async () => {
    const ip = randomIp();
    for (let index = 0; index < SIGN_IN_LIMITS.perIp.limit; index++) {
      await limitSignInRequests(getDb(), { ip });
    }
    const error = await refusal(limitSignInRequests(getDb(), { ip }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.perIp.windowSeconds);
    expect(error.message).toMatch(/^Too many sign-in requests\. Try again in \d+ minutes?\.$/);
    await limitSignInRequests(getDb(), { ip: randomIp() });
  });

  // The contract changed in issue 15: past the per-address cap the owner used to get a 429, so anyone
  // could lock anyone out of email sign-in. Now the answer never changes and only the mail stops.
  it("never refuse the address's owner: past the cap the answer is the same page, nothing more is mailed, and a mailed link still works", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("route-limit");
    await inviteEmail(email);
    const answers: Array<{ status: number; location: string | null }> = [];
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail.limit + 3; index++) {
      const response = await requestMagicLink(auth, email);
      answers.push({ status: response.status, location: response.headers.get("location") });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]!.status).toBe(302);
    await auth.runDeferred();
    const mails = await mailTo(email);
    expect(mails).toHaveLength(SIGN_IN_LIMITS.perEmail.limit);
    // The first link mailed still signs the owner in.
    const signedIn = await followLink(auth, linkIn(mails[0]));
    expect(sessionCookieOf(signedIn)).toBeDefined();
  });

  it("count only CSRF-valid requests: forged ones from anywhere neither use up the address's mail nor the client's bucket", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("forged");
    await inviteEmail(email);
    const ip = randomIp();
    // Enough from one client to use up its bucket, and more from elsewhere: every one would count today.
    const senders = [...Array<string>(SIGN_IN_LIMITS.perIp.limit + 2).fill(ip), ...Array.from({ length: SIGN_IN_LIMITS.perEmail.limit }, randomIp)];
    for (const [index, sender] of senders.entries()) {
      const forged = await forgedRequest(auth, email, sender, index % 3 === 0 ? "made-up" : undefined);
      expect(forged.status).toBeLessThan(500);
    }
    await auth.runDeferred();
    expect(await mailTo(email)).toHaveLength(0);
    // The owner, even from the forger's own address, still gets a link.
    const response = await requestMagicLink(auth, email, { ip });
    expect(response.status).toBe(302);
    await auth.runDeferred();
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("answer 429 with Retry-After to one client past the per-IP limit, for any address", async () => {
    const auth = createTestAuth();
    const ip = randomIp();
    for (let index = 0; index < SIGN_IN_LIMITS.perIp.limit; index++) {
      expect((await requestMagicLink(auth, uniqueEmail("per-ip-route"), { ip })).status).toBe(302);
    }
    const limited = await requestMagicLink(auth, uniqueEmail("per-ip-route"), { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/Too many sign-in requests/) as string } });
  });

  it("keep one client in its bucket whatever it writes in X-Forwarded-For (the test stack trusts one proxy hop)", async () => {
    const auth = createTestAuth();
    const ip = randomIp();
    // What a client sends is kept by an appending proxy, in front of the address the proxy saw.
    const spoofed = () => ({ "x-forwarded-for": `${randomIp()}, ${ip}` });
    for (let index = 0; index < SIGN_IN_LIMITS.perIp.limit; index++) {
      expect((await requestMagicLink(auth, uniqueEmail("spoof"), { headers: spoofed() })).status).toBe(302);
    }
    expect((await requestMagicLink(auth, uniqueEmail("spoof"), { headers: spoofed() })).status).toBe(429);
  });

  it("refuse an Auth.js form over 16 kB with 413, by Content-Length or by what was sent", async () => {
    const auth = createTestAuth();
    const csrf = await auth.route.GET(new NextRequest(`${authOrigin()}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const email = uniqueEmail("huge");
    await inviteEmail(email);
    const body = new URLSearchParams({ email, csrfToken, callbackUrl: `${authOrigin()}/account`, padding: "x".repeat(16 * 1024) }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), "x-forwarded-for": randomIp() };
    const declared = await auth.route.POST(
      new NextRequest(`${authOrigin()}/api/auth/signin/nodemailer`, { method: "POST", headers: { ...headers, "content-length": String(body.length) }, body }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: "payload_too_large", details: { max_bytes: 16 * 1024 } } });
    const bytes = new TextEncoder().encode(body);
    const streamed = await auth.route.POST(
      new NextRequest(`${authOrigin()}/api/auth/signout`, {
        method: "POST",
        headers,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }),
        duplex: "half",
      }),
    );
    expect(streamed.status).toBe(413);
    await auth.runDeferred();
    expect(await mailTo(email)).toHaveLength(0);
    // A form of ordinary size still works after the refusals.
    expect((await requestMagicLink(auth, email)).status).toBe(302);
  });
});
