// Security headers for every response (used by next.config.ts and proxy.ts). Pure: no next/* imports,
// so the config loader and unit tests can use it.

export type CspOptions = {
  /** This request's nonce (pages rendered per request); none for the zero-JS pages, which have no inline script. */
  nonce?: string;
  isDevelopment: boolean;
  isHttps: boolean;
  /** Origins a form may post or redirect to, e.g. Stripe's hosted Checkout. */
  formActionOrigins?: readonly string[];
};

/**
 * Scripts run only from our origin, or inline with this request's nonce (App Router pages, all rendered
 * per request). Never 'unsafe-inline' for scripts, and no hashes: no prerendered page has an inline script.
 */
export function buildContentSecurityPolicy(options: CspOptions): string {
  const scriptSrc = ["'self'", ...(options.nonce === undefined ? [] : [`'nonce-${options.nonce}'`])];
  // React's development build evaluates strings for its debugging aids; production never needs eval.
  if (options.isDevelopment) scriptSrc.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...(options.formActionOrigins ?? [])].join(" ")}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ];
  if (options.isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Origins hosted Checkout lives on: Stripe's, plus the emulator's when the SDK is pointed at one. */
/**
 * Origins a form POST may end up at by redirect: Stripe's hosted Checkout and Customer Portal (or the
 * emulator that serves both in demo), and GitHub's authorize page when GitHub sign-in is configured.
 */
export function formActionOrigins(options: {
  stripeApiUrl?: string;
  githubBaseUrl?: string;
  githubEnabled?: boolean;
}): string[] {
  const origins = ["https://checkout.stripe.com", "https://billing.stripe.com"];
  if (options.stripeApiUrl) origins.push(new URL(options.stripeApiUrl).origin);
  if (options.githubEnabled) origins.push(new URL(options.githubBaseUrl ?? "https://github.com").origin);
  return [...new Set(origins)];
}

/**
 * The zero-JS Pages Router pages (pages/), as next.config.ts `headers()` sources: served without the
 * proxy (proxy.ts's matcher leaves out exactly these paths; zero-js-pages.test.ts checks the two agree),
 * so their CSP is a header that does not vary by request. They have no inline script, and their only
 * scripts (the calculator island) are files on our origin: `script-src 'self'` is as strict as a nonce.
 */
export const ZERO_JS_PAGE_SOURCES = [
  "/",
  "/pricing",
  "/blog",
  "/blog/:slug",
  "/changelog",
  "/terms",
  "/privacy",
  "/acceptable-use",
  "/waitlist",
  "/waitlist/joined",
  "/waitlist/withdrawn",
];

export type StaticHeaderOptions = { isProduction: boolean };

export type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };

/** next.config.ts `headers()`: the security headers of every response, and the zero-JS pages' CSP. */
export function buildHeaderRules(options: StaticHeaderOptions & Omit<CspOptions, "nonce">): HeaderRule[] {
  const zeroJsPageCsp = [{ key: "Content-Security-Policy", value: buildContentSecurityPolicy(options) }];
  return [
    { source: "/:path*", headers: buildStaticSecurityHeaders({ isProduction: options.isProduction }) },
    ...ZERO_JS_PAGE_SOURCES.map((source) => ({ source, headers: zeroJsPageCsp })),
    // JSON answers never need to run or embed anything.
    {
      source: "/api/:path*",
      headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
    },
  ];
}

/** Headers that do not vary by request; next.config.ts applies them to every path. */
export function buildStaticSecurityHeaders(options: StaticHeaderOptions): Array<{ key: string; value: string }> {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (options.isProduction) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}
