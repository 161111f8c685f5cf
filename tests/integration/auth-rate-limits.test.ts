import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { limitSignInRequests, SIGN_IN_LIMITS } from "@/lib/auth/limit-sign-in-requests";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestAuth, mailTo, randomIp, requestMagicLink, uniqueEmail } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("sign-in rate limits", () => {
  it("allow a few requests per email, from any address, then refuse with a wait", async () => {
    const email = uniqueEmail("per-email");
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail.limit; index++) {
      await limitSignInRequests(getDb(), { email, ip: randomIp() });
    }
    // Same address in another case: one bucket.
    const error = await refusal(limitSignInRequests(getDb(), { email: email.toUpperCase(), ip: randomIp() }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail.windowSeconds);
    expect(error.message).toMatch(/^Too many sign-in requests\. Try again in \d+ minutes?\.$/);
  });

  it("allow more requests per IP address across emails, then refuse", async () => {
    const ip = randomIp();
    for (let index = 0; index < SIGN_IN_LIMITS.perIp.limit; index++) {
      await limitSignInRequests(getDb(), { email: uniqueEmail("per-ip"), ip });
    }
    expect((await refusal(limitSignInRequests(getDb(), { email: uniqueEmail("per-ip"), ip }))).code).toBe("rate_limited");
    await limitSignInRequests(getDb(), { email: uniqueEmail("per-ip"), ip: randomIp() });
  });

  it("answer Auth.js's own endpoint with 429 and Retry-After, and store or mail nothing past the limit", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("route-limit");
    await inviteEmail(email);
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail.limit; index++) {
      expect((await requestMagicLink(auth, email)).status).toBe(302);
    }
    const limited = await requestMagicLink(auth, email);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/Too many sign-in requests/) as string } });
    expect(auth.deferredCount()).toBe(SIGN_IN_LIMITS.perEmail.limit);
    await auth.runDeferred();
    expect(await mailTo(email)).toHaveLength(SIGN_IN_LIMITS.perEmail.limit);
    expect(await countRows(sql`select count(*) from "verificationToken" where identifier = ${email}`)).toBe(SIGN_IN_LIMITS.perEmail.limit);
  });
});
