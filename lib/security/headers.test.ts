import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildStaticSecurityHeaders, formActionOrigins } from "./headers";

describe("security headers", () => {
  it("never allows inline scripts without a nonce", () => {
    const csp = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: false, isHttps: true });
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("lets forms redirect to Stripe's hosted pages, to the emulator only when pointed at it, and to GitHub only when configured", () => {
    expect(formActionOrigins({})).toEqual(["https://checkout.stripe.com", "https://billing.stripe.com"]);
    expect(formActionOrigins({ githubEnabled: true })).toContain("https://github.com");
    expect(formActionOrigins({ githubEnabled: true, githubBaseUrl: "http://127.0.0.1:4000/" })).toContain("http://127.0.0.1:4000");
    expect(formActionOrigins({ githubBaseUrl: "http://127.0.0.1:4000/" })).not.toContain("http://127.0.0.1:4000");
    const csp = buildContentSecurityPolicy({
      nonce: "n",
      isDevelopment: false,
      isHttps: false,
      formActionOrigins: formActionOrigins({ stripeApiUrl: "http://127.0.0.1:12111/" }),
    });
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com https://billing.stripe.com http://127.0.0.1:12111;");
  });

  it("adds HSTS only in production", () => {
    const keys = (isProduction: boolean) => buildStaticSecurityHeaders({ isProduction }).map((header) => header.key);
    expect(keys(true)).toContain("Strict-Transport-Security");
    expect(keys(false)).not.toContain("Strict-Transport-Security");
    expect(keys(false)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]));
  });
});
