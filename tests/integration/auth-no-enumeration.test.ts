import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { authOrigin, createTestAuth, linkIn, mailTo, requestMagicLink, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser, inviteEmail } from "../support/auth-fixtures";

afterAll(closeDb);

/** Everything about a response a requester could observe, minus values that differ on every request. */
async function observable(response: Response) {
  const headers = [...response.headers.entries()].filter(([name]) => !["date", "set-cookie"].includes(name));
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.replace(/=[^;]*/, "=…"));
  return { status: response.status, headers, cookies, body: await response.text() };
}

describe("magic-link requests do not reveal who may sign in", () => {
  it("answers invited, existing and unknown emails identically, mails only after the response, and never the unknown", async () => {
    const auth = createTestAuth();
    const invited = uniqueEmail("invited");
    const existing = uniqueEmail("existing");
    const unknown = uniqueEmail("unknown");
    await inviteEmail(invited);
    await createExistingUser(existing);

    const responses = [
      await requestMagicLink(auth, invited),
      await requestMagicLink(auth, existing),
      await requestMagicLink(auth, unknown),
    ];
    const [first, ...rest] = await Promise.all(responses.map(observable));
    expect(first?.status).toBe(302);
    for (const other of rest) expect(other).toEqual(first);
    // …and the redirect (Auth.js's verify-request) lands on our one "check your email" page.
    const verify = await auth.route.GET(new NextRequest(responses[0]!.headers.get("location")!));
    expect(verify.headers.get("location")).toBe("/sign-in/check-email?provider=nodemailer&type=email");

    // Answered, and nothing mailed yet: delivery (and the decision to deliver) waits for after().
    expect(auth.deferredCount()).toBe(3);
    for (const email of [invited, existing, unknown]) expect(await mailTo(email)).toHaveLength(0);

    await auth.runDeferred();
    expect(await mailTo(invited)).toHaveLength(1);
    expect(await mailTo(existing)).toHaveLength(1);
    expect(await mailTo(unknown)).toHaveLength(0);
    // The token Auth.js stored for the unknown address is gone too; the mailed ones remain usable.
    expect(await countRows(sql`select count(*) from "verificationToken" where identifier = ${unknown}`)).toBe(0);
    expect(await countRows(sql`select count(*) from "verificationToken" where identifier = ${invited}`)).toBe(1);
  });

  it("builds links from AUTH_URL even when Host and X-Forwarded-Host are spoofed", async () => {
    const auth = createTestAuth();
    const email = uniqueEmail("spoofed");
    await inviteEmail(email);
    const response = await requestMagicLink(auth, email, {
      origin: "http://evil.example",
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(new RegExp(`^${authOrigin()}/`));
    await auth.runDeferred();
    const link = linkIn((await mailTo(email))[0]);
    expect(link.startsWith(`${authOrigin()}/api/auth/callback/nodemailer?`)).toBe(true);
    expect(link).not.toContain("evil.example");
  });
});
