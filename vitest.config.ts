import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

// Three projects: `unit` needs nothing running; `integration` gets a real Postgres and mail catcher
// from scripts/test-stack (started by `npm test` or `npm run test:integration`); `faults` also gets the
// site's test build.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "emulators/**/*.test.ts", "scripts/**/*.test.ts", "ops/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          env: { LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses for a
          // package without an exports map; processed by Vite, it resolves (auth tests run real next-auth).
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts", "lib/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        // The fault campaign (scripts/run-tests.ts --only faults): real site servers (server.ts) killed and
        // restarted. Two files at a time: each runs servers of its own on the 2-core machine.
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
