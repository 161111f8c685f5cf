// proxy.ts's duties at the edge (its CSP duties are tested with lib/security): it runs for every route
// that reads the client address, drops a client-sent X-Forwarded-For when no proxy is trusted (Next then
// writes the socket's address in its place), and answers oversized server-action POSTs with 413.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { SERVER_ACTION_BODY_LIMIT } from "./refuse-oversized-action-post";

const origin = "http://localhost:3000";

describe("proxy.ts at the edge", () => {
  it("runs for every route that calls clientIpFrom: the sign-in, waitlist and invite actions and Auth.js", () => {
    // /waitlist/join and /waitlist/withdraw: the zero-JS waitlist's plain form posts (pages/waitlist); the
    // /waitlist page itself is prerendered, reads no address and skips the proxy (lib/security/zero-js-pages.test.ts).
    for (const path of ["/sign-in", "/waitlist/join", "/waitlist/withdraw", "/invite", "/api/auth/signin/nodemailer", "/api/auth/callback/github"]) {
      expect(unstable_doesMiddlewareMatch({ config, url: `${origin}${path}` }), path).toBe(true);
    }
  });

  it("removes a client-sent X-Forwarded-For when no proxy is trusted (TRUSTED_PROXY_HOPS=0, the default)", async () => {
    const response = await proxy(new NextRequest(`${origin}/api/auth/signin/nodemailer`, { method: "POST", headers: { "x-forwarded-for": "6.6.6.6", "content-length": "10" }, body: "email=a%40b" }));
    const kept = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
    expect(kept).toContain("content-length");
    expect(kept).not.toContain("x-forwarded-for");
  });

  it("removes a client-sent X-Forwarded-For from the waitlist's plain form post too", async () => {
    const response = await proxy(
      new NextRequest(`${origin}/waitlist/join`, {
        method: "POST",
        headers: { "x-forwarded-for": "6.6.6.6", "content-type": "application/x-www-form-urlencoded", "content-length": "11" },
        body: "email=a%40b",
      }),
    );
    expect(response.status).toBe(200);
    const kept = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
    expect(kept).toContain("content-length");
    expect(kept).not.toContain("x-forwarded-for");
  });

  it("answers a server-action POST over Next's body limit with a JSON 413, and one without a length with 411", async () => {
    const oversized = await proxy(
      new NextRequest(`${origin}/waitlist`, {
        method: "POST",
        headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) },
        body: "[]",
      }),
    );
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ error: { code: "payload_too_large", details: { max_bytes: SERVER_ACTION_BODY_LIMIT } } });
    const chunked = await proxy(
      new NextRequest(`${origin}/waitlist`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: new ReadableStream({ start: (controller) => controller.close() }),
        duplex: "half",
      }),
    );
    expect(chunked.status).toBe(411);
    expect(await chunked.json()).toMatchObject({ error: { code: "length_required" } });
  });
});
