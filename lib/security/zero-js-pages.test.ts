// The zero-JS pages skip the proxy and get their CSP from next.config.ts instead: every path is covered
// by exactly one of the two (the proxy's matcher is a literal Next reads at build, so the list is
// written twice, and this test keeps the copies in step), and the static policy is as strict as the
// proxy's: scripts from our origin only, never inline.
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { buildHeaderRules } from "./headers";

const rules = buildHeaderRules({
  isProduction: false,
  isDevelopment: false,
  isHttps: true,
  formActionOrigins: ["https://checkout.stripe.com"],
});

async function staticCspOf(path: string): Promise<string | null> {
  const response = await unstable_getResponseFromNextConfig({
    url: `https://tandem.example${path}`,
    nextConfig: { headers: () => Promise.resolve(rules) },
  });
  return response.headers.get("content-security-policy");
}

const proxyRuns = (path: string) =>
  unstable_doesMiddlewareMatch({ config: proxyConfig, url: `https://tandem.example${path}` });

const zeroJsPages = [
  "/",
  "/pricing",
  "/blog",
  "/blog/how-billing-works",
  "/blog/no-such-post",
  "/changelog",
  "/terms",
  "/privacy",
  "/acceptable-use",
  "/waitlist",
  "/waitlist/joined",
  "/waitlist/withdrawn",
];
const proxiedPages = [
  // The waitlist's plain form posts: the proxy strips an untrusted X-Forwarded-For before the IP is read.
  "/waitlist/join",
  "/waitlist/withdraw",
  // The billing contacts' link pages post too (confirm, unsubscribe), limited per client address.
  "/contacts/confirm",
  "/contacts/unsubscribe",
  "/invite",
  "/sign-in",
  "/account",
  "/account/billing",
  "/admin",
  "/no/such/page",
  "/blog/a/b",
  "/pricing/more",
  "/terms-and-more",
  "/social-cards/pricing.png",
];

describe("the zero-JS pages' CSP", () => {
  it.each(zeroJsPages)("%s skips the proxy and gets the static CSP", async (path) => {
    expect(proxyRuns(path)).toBe(false);
    const csp = await staticCspOf(path);
    // Scripts from our origin only: no nonce to leak, no hash, never 'unsafe-inline'.
    expect(csp?.split("; ").find((directive) => directive.startsWith("script-src"))).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com");
  });

  it.each(proxiedPages)("%s runs the proxy (nonce, launch mode) and gets no static CSP", async (path) => {
    expect(proxyRuns(path)).toBe(true);
    expect(await staticCspOf(path)).toBeNull();
  });

  it("keeps the proxy on the POST targets it guards", () => {
    expect(proxyRuns("/api/auth/signin/nodemailer")).toBe(true);
    expect(proxyRuns("/api/billing/v1/accounts")).toBe(true);
  });
});
