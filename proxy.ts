// Every App Router page request: a Content-Security-Policy with a fresh nonce (every App Router page is
// rendered per request, so Next puts the nonce on its scripts: app/layout.tsx), and
// `X-Robots-Tag: noindex` while the launch mode is `private`. Authorization is not done here: it lives in the data layer (DESIGN 8).
// Also, for every request that can reach a per-IP limit (pages with server actions, /api/auth): drops
// a client-sent X-Forwarded-For when no trusted proxy is configured (lib/http/client-ip.ts), and
// answers a server-action POST over Next's body limit with 413 instead of Next's 500.
import { NextResponse, type NextRequest } from "next/server";
import { ACCOUNT_API_BASE_PATH } from "@/lib/api-keys/paths";
import { BILLING_API_BASE_PATH } from "@/lib/billing/api/paths";
import { refuseMalformedUrl } from "@/lib/billing/api/refuse-malformed-url";
import { getEnv } from "@/lib/env";
import { stripUntrustedForwardedFor } from "@/lib/http/client-ip";
import { refuseOversizedActionPost } from "@/lib/http/refuse-oversized-action-post";
import { buildContentSecurityPolicy, formActionOrigins } from "@/lib/security/headers";
import { isIndexingAllowed } from "@/lib/security/is-indexing-allowed";

const isDevelopment = process.env.NODE_ENV === "development";
// form-action also governs where a form POST may redirect: the top-up and portal actions answer a
// redirect to Stripe (or the emulator in demo), "Continue with GitHub" to GitHub's authorize page.
// Computed on the first request, not at import, so the environment is read when it is complete.
let externalFormActions: string[] | undefined;
function getExternalFormActions(): string[] {
  if (!externalFormActions) {
    const env = getEnv();
    externalFormActions = formActionOrigins({
      stripeApiUrl: env.stripe.apiUrl,
      githubEnabled: env.github !== undefined,
      githubBaseUrl: env.github?.baseUrl,
    });
  }
  return externalFormActions;
}

export async function proxy(request: NextRequest) {
  const refusal = refuseOversizedActionPost(request);
  if (refusal) return refusal;
  // The billing and account APIs answer JSON only, also for a URL Next could not decode (it would answer
  // HTML). They then go on below: the billing API records the client address as a token's last use, and
  // the account API counts failed keys per client address, so a client-sent X-Forwarded-For goes too.
  if (request.nextUrl.pathname.startsWith(BILLING_API_BASE_PATH) || request.nextUrl.pathname.startsWith(ACCOUNT_API_BASE_PATH)) {
    const malformed = refuseMalformedUrl(new URL(request.url));
    if (malformed) return malformed;
  }
  const requestHeaders = new Headers(request.headers);
  stripUntrustedForwardedFor(requestHeaders);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next({ request: { headers: requestHeaders } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildContentSecurityPolicy({
    nonce,
    isDevelopment,
    isHttps: request.nextUrl.protocol === "https:",
    formActionOrigins: getExternalFormActions(),
  });
  // Next reads the nonce from this request header and puts it on the scripts it renders.
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (!(await isIndexingAllowed())) response.headers.set("x-robots-tag", "noindex, nofollow");
  return response;
}

export const config = {
  // Not the zero-JS pages (pages/: home, pricing, the blog, changelog and legal pages): they are
  // prerendered, have no script to put a nonce on and accept no POST, so a visitor's request for them
  // does no per-request work; their CSP is a static header (ZERO_JS_PAGE_SOURCES in
  // lib/security/headers.ts, checked against this list by lib/security/zero-js-pages.test.ts), and in
  // the `private` launch mode they carry a robots meta tag instead of X-Robots-Tag.
  // /api/auth: its magic-link POST counts against a per-IP limit (see above); the billing API: its
  // answers are JSON even for URLs Next cannot decode. Other API routes skip the proxy, and so does
  // POST /usage: it has no path parameter to decode (its query is ignored), and a proxy in front of a
  // 1,000-record body cost the server about a third more CPU per batch (`npm run bench:ingest`); so
  // nothing cleans its X-Forwarded-For, and it reads the client address with clientIpOfUnproxiedRoute.
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/|(?:pricing|blog|blog/[^/]+|changelog|terms|privacy|acceptable-use|waitlist|waitlist/joined|waitlist/withdrawn)?$).*)",
    },
    { source: "/api/auth/:path*" },
    { source: "/api/billing/v1/:path((?!usage$).*)" },
    // The account API (personal API keys): JSON for undecodable URLs, and a per-address limit on failed keys.
    { source: "/api/account/v1/:path*" },
  ],
};
