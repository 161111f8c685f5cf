// The waitlist forms as the zero-JS pages post them (pages/waitlist/join.tsx, withdraw.tsx): plain
// urlencoded HTML posts, handled by the calls instrumentation.ts registers for those pages.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { waitlistPageCalls } from "@/lib/waitlist/waitlist-page-calls";
import { randomIp, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { waitForMail, withdrawTokenIn } from "../support/signup-fixtures";

afterAll(closeDb);

const HOST = "tandem.test";

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://${HOST}${path}`, {
    method: "POST",
    headers: { host: HOST, origin: `https://${HOST}`, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": randomIp(), ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const entries = (email: string) => countRows(sql`select count(*) from waitlist_entries where email = ${email}`);

describe("POST /waitlist/join", () => {
  it("joins and redirects to /waitlist/joined", async () => {
    const email = uniqueEmail("form-post");
    const result = await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { email, building: "A shared whiteboard", link: "" }));
    expect(result).toEqual({ kind: "redirect", location: "/waitlist/joined" });
    expect(await entries(email)).toBe(1);
  });

  it("answers invalid fields with 400, each field's message and what was sent, and stores nothing", async () => {
    const result = await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { email: "not-an-email", building: "A", link: "x" }));
    expect(result).toMatchObject({
      kind: "error",
      status: 400,
      state: { code: "validation_failed", fieldErrors: { email: "Enter a valid email address.", building: "Tell us what you are building, in a few words." } },
      values: { email: "not-an-email", building: "A", link: "x" },
    });
  });

  it("holds every field to the text policy, as validatedAction does", async () => {
    const email = uniqueEmail("form-post-nul");
    const result = await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { email, building: "A board", extra: "a\u0000b" }));
    expect(result).toMatchObject({ kind: "error", status: 400, state: { code: "validation_failed", fieldErrors: { extra: "This field must not contain control characters." } } });
    expect(await entries(email)).toBe(0);
  });

  it("refuses a post from another site or without an Origin (403), and a body over 16 kB (413), storing nothing", async () => {
    const email = uniqueEmail("form-post-refused");
    const fields = { email, building: "A shared whiteboard" };
    for (const headers of [{ origin: "https://attacker.example" }, { origin: "null" }, { origin: "" }]) {
      expect(await waitlistPageCalls.joinWaitlist(post("/waitlist/join", fields, headers)), JSON.stringify(headers)).toMatchObject({
        kind: "error",
        status: 403,
        state: { code: "forbidden" },
      });
    }
    const oversized = await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { ...fields, padding: "x".repeat(16 * 1024) }));
    expect(oversized).toMatchObject({ kind: "error", status: 413, state: { code: "payload_too_large" } });
    const multipart = new FormData();
    multipart.set("email", email);
    const wrongType = await waitlistPageCalls.joinWaitlist(
      new Request(`http://${HOST}/waitlist/join`, { method: "POST", headers: { host: HOST, origin: `https://${HOST}` }, body: multipart }),
    );
    expect(wrongType).toMatchObject({ kind: "error", status: 400, state: { code: "bad_request" } });
    expect(await entries(email)).toBe(0);
  });

  it("maps the per-IP limit to 429 with the seconds to wait", async () => {
    const ip = randomIp();
    let result;
    for (let attempt = 0; attempt <= 10; attempt++) {
      result = await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { email: uniqueEmail("form-crowd"), building: "A game" }, { "x-forwarded-for": ip }));
    }
    expect(result).toMatchObject({ kind: "error", status: 429, state: { code: "rate_limited", retryAfterSeconds: expect.any(Number) as number } });
  });
});

describe("POST /waitlist/withdraw", () => {
  it("takes the entry off the list once, then answers 404", async () => {
    const email = uniqueEmail("form-leaver");
    await waitlistPageCalls.joinWaitlist(post("/waitlist/join", { email, building: "A shared whiteboard" }));
    const token = withdrawTokenIn((await waitForMail(email))[0]);
    expect(await waitlistPageCalls.isWithdrawLinkLive(token)).toBe(true);
    expect(await waitlistPageCalls.withdrawFromWaitlist(post("/waitlist/withdraw", { token }))).toEqual({ kind: "redirect", location: "/waitlist/withdrawn" });
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email} and status = 'withdrawn'`)).toBe(1);
    expect(await waitlistPageCalls.withdrawFromWaitlist(post("/waitlist/withdraw", { token }))).toMatchObject({ kind: "error", status: 404, state: { code: "not_found" } });
  });
});
