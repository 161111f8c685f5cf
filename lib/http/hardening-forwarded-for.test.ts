// Session 13, H2 point 2: a client-sent X-Forwarded-For never becomes the address the billing API
// records as a platform token's last use. The routes proxy.ts runs for lose it there (as sign-in and
// the waitlist always did); POST /usage, which skips the proxy for speed, trusts the header only when
// proxies are configured, read by the same clientIpFrom.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { clientIpFrom, clientIpOfUnproxiedRoute, UNKNOWN_CLIENT } from "./client-ip";

const origin = "http://localhost:3000";

/** The request headers proxy.ts hands on, or null when it hands on the client's own untouched. */
function handedOn(response: Response): string[] | null {
  const names = response.headers.get("x-middleware-override-headers");
  return names === null ? null : names.split(",");
}

describe("X-Forwarded-For on the billing API", () => {
  it("is removed by proxy.ts from the billing API's reads when no proxy is trusted", async () => {
    for (const path of ["/api/billing/v1/accounts/acct_1/standing", "/api/billing/v1/accounts?email=a%40b.example"]) {
      expect(unstable_doesMiddlewareMatch({ config, url: `${origin}${path}` }), path).toBe(true);
      const response = await proxy(new NextRequest(`${origin}${path}`, { headers: { "x-forwarded-for": "6.6.6.6", authorization: "Bearer x" } }));
      const names = handedOn(response);
      expect(names, path).not.toBeNull();
      expect(names, path).toContain("authorization");
      expect(names, path).not.toContain("x-forwarded-for");
    }
  });

  it("still answers an undecodable billing URL with JSON", async () => {
    const response = await proxy(new NextRequest(`${origin}/api/billing/v1/accounts/%E0%A4%A/standing`));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
  });

  it("is not read from POST /usage (which skips the proxy) unless proxies are trusted", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: `${origin}/api/billing/v1/usage` })).toBe(false);
    const spoofed = new Headers({ "x-forwarded-for": "6.6.6.6" });
    expect(clientIpOfUnproxiedRoute(spoofed, 0)).toBe(UNKNOWN_CLIENT);
    // Behind one trusted proxy, its entry (the right end) is the client, exactly as clientIpFrom says.
    const proxied = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientIpOfUnproxiedRoute(proxied, 1)).toBe("203.0.113.7");
    expect(clientIpOfUnproxiedRoute(proxied, 2)).toBe(clientIpFrom(proxied, 2));
  });
});
