// npm test – lint, typecheck, unit, integration (real Postgres, real mail catcher) and end-to-end tests
// (Playwright on Debian's Chromium against `next start`), then the fault campaign (servers killed,
// restarted, run in pairs; tests/faults), ending with one line `N passed, N failed`.
// `--only unit|integration|e2e|faults` runs one layer with what it needs.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { buildIfStale } from "./lib/build-site";
import { ensureChromium } from "./lib/ensure-chromium";
import { startNextServer } from "./lib/next-server";
import { findFreePort } from "./lib/ports";
import { createStackDatabase, setStripeWebhookUrl, startTestStack, type TestStack } from "./lib/test-stack";
import { startFakeGitHub } from "../tests/support/fake-github";

type Tally = { name: string; passed: number; failed: number; note?: string };

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const wants = (layer: string) => only === undefined || only === layer;
// `npm run test:integration -- tests/integration/ledger` passes the filter on to vitest or Playwright, and
// so are their own options (`npm run test:e2e -- e2e/site --repeat-each=5`).
const filters = process.argv.slice(2).filter((arg, index, all) => arg !== "--only" && all[index - 1] !== "--only");
const resultsDir = path.resolve(".data/test-results");
const tallies: Tally[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function check(name: string, command: string, args: string[]): Promise<void> {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args);
  tallies.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return readFile(file, "utf8").then((text) => JSON.parse(text) as T, () => undefined);
}

async function vitest(project: "unit" | "integration" | "faults", env: NodeJS.ProcessEnv): Promise<void> {
  console.log(`\n▶ ${project} tests (vitest)`);
  const output = path.join(resultsDir, `${project}.json`);
  const code = await run(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...filters],
    env,
  );
  const report = await readJson<{ numPassedTests: number; numFailedTests: number }>(output);
  if (!report) return void tallies.push({ name: project, passed: 0, failed: 1, note: "no report" });
  // A crash outside any test (a failing import, a hook) fails the run even when every test passed.
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  tallies.push({ name: project, passed: report.numPassedTests, failed });
}

async function endToEnd(stack: TestStack): Promise<void> {
  console.log("\n▶ end-to-end tests (Playwright, Debian's Chromium)");
  await ensureChromium();
  const database = await createStackDatabase(stack, "e2e");
  try {
    await runEndToEnd({ ...process.env, ...stack.env, DATABASE_URL: database.url }, stack);
  } finally {
    await database.drop();
  }
}

async function runEndToEnd(env: NodeJS.ProcessEnv, stack: TestStack): Promise<void> {
  const distDir = ".next-test";
  await buildIfStale({ distDir, env, buildEnv: { APP_MODE: "demo" } });
  const port = await findFreePort();
  // "Continue with GitHub" against a fake GitHub on loopback (e2e/auth/github.spec.ts).
  const github = await startFakeGitHub({ clientId: "e2e-github-client", clientSecret: "e2e-github-secret" });
  const githubEnv = { AUTH_GITHUB_ID: "e2e-github-client", AUTH_GITHUB_SECRET: "e2e-github-secret", AUTH_GITHUB_BASE_URL: github.baseUrl };
  const server = await startNextServer({ port, distDir, env: { ...env, ...githubEnv, APP_URL: `http://localhost:${port}` } });
  await setStripeWebhookUrl(stack, `http://localhost:${port}/api/stripe/webhook`);
  try {
    const output = path.join(resultsDir, "e2e.json");
    const code = await run("node_modules/.bin/playwright", ["test", ...filters], {
      ...env,
      E2E_BASE_URL: `http://localhost:${port}`,
      E2E_JSON_OUTPUT: output,
    });
    const report = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
    if (!report) return void tallies.push({ name: "e2e", passed: 0, failed: 1, note: "no report" });
    const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0);
    tallies.push({ name: "e2e", passed: report.stats.expected + report.stats.flaky, failed });
  } finally {
    await server.stop();
    await github.close();
  }
}

// The fault campaign: each test file starts `next start` processes of the same test build the browser
// tests use (built here only if stale), on a database and Stripe emulator of its own, kills them,
// restarts them and checks the money. Its servers share the stack's mail catcher.
async function faultCampaign(stack: TestStack): Promise<void> {
  const started = Date.now();
  const env = { ...process.env, ...stack.env };
  await buildIfStale({ distDir: ".next-test", env, buildEnv: { APP_MODE: "demo" } });
  await vitest("faults", { ...env, FAULTS_DIST_DIR: ".next-test" });
  console.log(`fault campaign: ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main(): Promise<void> {
  await rm(resultsDir, { recursive: true, force: true });
  await mkdir(resultsDir, { recursive: true });
  if (only === undefined) {
    await check("lint", "node_modules/.bin/eslint", [".", "--max-warnings=0"]);
    // The layers of lib/ (.dependency-cruiser.cjs): part of lint, as in `npm run lint`.
    await check("lint: dependency rules", process.execPath, ["--import", "tsx", "scripts/check-dependencies.ts"]);
    await check("typecheck", "node_modules/.bin/tsc", ["--noEmit"]);
  }
  if (wants("unit")) await vitest("unit", process.env);
  if (wants("integration") || wants("e2e") || wants("faults")) {
    const stack = await startTestStack();
    const onSignal = () => void stack.stop().finally(() => process.exit(130));
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      if (wants("integration")) await vitest("integration", { ...process.env, ...stack.env });
      if (wants("e2e")) await endToEnd(stack);
      if (wants("faults")) await faultCampaign(stack);
    } catch (error) {
      console.error(error);
      tallies.push({ name: "stack", passed: 0, failed: 1, note: (error as Error).message });
    } finally {
      await stack.stop();
    }
  }
  const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
  console.log("\nSummary");
  for (const tally of tallies) {
    console.log(`  ${tally.name.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed${tally.note ? ` (${tally.note})` : ""}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
});
