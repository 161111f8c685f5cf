// npm test – lint, typecheck, unit, integration (real Postgres, real mail catcher) and end-to-end tests
// (Playwright on Debian's Chromium against the site's server, server.ts), then the fault campaign (servers killed,
// restarted, run in pairs; tests/faults), ending with one line `N passed, N failed`.
// `--only unit|integration|e2e|faults` runs one layer with what it needs.
//
// The whole run overlaps what does not share anything (CI must stay under 25 minutes on 2 cores):
//   1. lint, the dependency rules and the typecheck side by side;
//   2. the integration tests (one vitest worker, mostly waiting on Postgres), printed as they run, while
//      beside them run the unit tests, then the test build (.next-test), then the fault campaign (its own
//      databases, emulators, mail catcher and servers);
//   3. the end-to-end tests alone: two browsers and a server fill the machine.
// A phase that runs beside another is printed whole, under its own heading, when it ends.
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { buildIfStale } from "./lib/build-site";
import { ensureChromium } from "./lib/ensure-chromium";
import { startMailCatcher } from "./lib/mail-catcher";
import { startNextServer } from "./lib/next-server";
import { bufferedOutput, liveOutput, runInto, type PhaseOutput } from "./lib/phase-output";
import { findFreePort } from "./lib/ports";
import { createStackDatabase, setStripeWebhookUrl, startTestStack, type TestStack } from "./lib/test-stack";
import type { ScratchDatabase } from "./lib/scratch-database";
import { startFakeGitHub } from "../tests/support/fake-github";

type Tally = { name: string; passed: number; failed: number; note?: string };

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const wants = (layer: string) => only === undefined || only === layer;
// `npm run test:integration -- tests/integration/ledger` passes the filter on to vitest or Playwright, and
// so are their own options (`npm run test:e2e -- e2e/site --repeat-each=5`).
const filters = process.argv.slice(2).filter((arg, index, all) => arg !== "--only" && all[index - 1] !== "--only");
const resultsDir = path.resolve(".data/test-results");
const TEST_DIST_DIR = ".next-test";
const tallies: Tally[] = [];
const timings: Array<{ name: string; seconds: number }> = [];
const live = liveOutput();
// The environment before the test stack sets DATABASE_URL: the unit tests need nothing running, and run
// beside the integration tests here, so they get what they got when they ran first.
const unitEnv: NodeJS.ProcessEnv = { ...process.env };

/** Runs one phase into its own output (held and printed whole unless live), and records its wall time. */
async function phase<T>(name: string, output: PhaseOutput, body: (output: PhaseOutput) => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await body(output);
  } finally {
    const seconds = Math.round((Date.now() - started) / 1000);
    timings.push({ name, seconds });
    output.log(`${name}: ${seconds} s`);
    output.flush();
  }
}

const beside = <T>(name: string, body: (output: PhaseOutput) => Promise<T>) => phase(name, bufferedOutput(name), body);

async function check(name: string, command: string, args: string[], output: PhaseOutput): Promise<void> {
  output.log(`\n▶ ${name}`);
  const code = await runInto(output, command, args);
  tallies.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return readFile(file, "utf8").then((text) => JSON.parse(text) as T, () => undefined);
}

async function vitest(project: "unit" | "integration" | "faults", env: NodeJS.ProcessEnv, output: PhaseOutput): Promise<void> {
  output.log(`\n▶ ${project} tests (vitest)`);
  const file = path.join(resultsDir, `${project}.json`);
  const code = await runInto(
    output,
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, ...filters],
    env,
  );
  const report = await readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (!report) return void tallies.push({ name: project, passed: 0, failed: 1, note: "no report" });
  // A crash outside any test (a failing import, a hook) fails the run even when every test passed.
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  tallies.push({ name: project, passed: report.numPassedTests, failed });
}

/** The test build the browser tests and the fault campaign serve (built only when its inputs changed). */
async function buildTestSite(env: NodeJS.ProcessEnv, output: PhaseOutput): Promise<void> {
  output.log("\n▶ test build (.next-test)");
  await buildIfStale({ distDir: TEST_DIST_DIR, env, buildEnv: { APP_MODE: "demo" }, onOutput: output.isLive ? undefined : output.write });
}

/** The end-to-end site's database: fresh, so the integration tests' rows never meet its sweeps. */
function endToEndEnv(stack: TestStack, database: ScratchDatabase): NodeJS.ProcessEnv {
  return { ...process.env, ...stack.env, DATABASE_URL: database.url };
}

async function runEndToEnd(env: NodeJS.ProcessEnv, stack: TestStack): Promise<void> {
  console.log("\n▶ end-to-end tests (Playwright, Debian's Chromium)");
  await ensureChromium();
  const port = await findFreePort();
  // "Continue with GitHub" against a fake GitHub on loopback (e2e/auth/github.spec.ts).
  const github = await startFakeGitHub({ clientId: "e2e-github-client", clientSecret: "e2e-github-secret" });
  const githubEnv = { AUTH_GITHUB_ID: "e2e-github-client", AUTH_GITHUB_SECRET: "e2e-github-secret", AUTH_GITHUB_BASE_URL: github.baseUrl };
  const server = await startNextServer({ port, distDir: TEST_DIST_DIR, env: { ...env, ...githubEnv, APP_URL: `http://localhost:${port}` } });
  await setStripeWebhookUrl(stack, `http://localhost:${port}/api/stripe/webhook`);
  try {
    const file = path.join(resultsDir, "e2e.json");
    const code = await runInto(live, "node_modules/.bin/playwright", ["test", ...filters], {
      ...env,
      E2E_BASE_URL: `http://localhost:${port}`,
      E2E_JSON_OUTPUT: file,
    });
    const report = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
    if (!report) return void tallies.push({ name: "e2e", passed: 0, failed: 1, note: "no report" });
    const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0);
    tallies.push({ name: "e2e", passed: report.stats.expected + report.stats.flaky, failed });
  } finally {
    await server.stop();
    await github.close();
  }
}

// The fault campaign: each test file starts server processes (server.ts) of the test build the browser tests
// use, on a database and Stripe emulator of its own, kills them, restarts them and checks the money.
// Its servers get a mail catcher of their own, so the integration tests running beside them never wait
// behind, or read, the campaign's mail.
async function faultCampaign(stack: TestStack, output: PhaseOutput): Promise<void> {
  const mail = await startMailCatcher({ smtpPort: await findFreePort(), webPort: await findFreePort() });
  try {
    const env = { ...process.env, ...stack.env, SMTP_URL: mail.smtpUrl, MAIL_API_URL: mail.apiUrl };
    await vitest("faults", { ...env, FAULTS_DIST_DIR: TEST_DIST_DIR }, output);
  } finally {
    await mail.stop();
  }
}

/** Records a phase that threw (a build that failed, a stack that would not start) as one failure. */
function failedPhase(name: string) {
  return (error: unknown) => {
    console.error(error);
    tallies.push({ name, passed: 0, failed: 1, note: (error as Error).message });
  };
}

async function withStack(body: (stack: TestStack) => Promise<void>): Promise<void> {
  const stack = await startTestStack();
  const onSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await body(stack);
  } catch (error) {
    failedPhase("stack")(error);
  } finally {
    await stack.stop();
  }
}

async function runEverything(): Promise<void> {
  await Promise.all([
    beside("lint", (output) => check("lint", "node_modules/.bin/eslint", [".", "--max-warnings=0"], output)),
    // The layers of lib/ (.dependency-cruiser.cjs): part of lint, as in `npm run lint`.
    beside("lint: dependency rules", (output) =>
      check("lint: dependency rules", process.execPath, ["--import", "tsx", "scripts/check-dependencies.ts"], output),
    ),
    beside("typecheck", (output) => check("typecheck", "node_modules/.bin/tsc", ["--noEmit"], output)),
  ]);
  await withStack(async (stack) => {
    const database = await createStackDatabase(stack, "e2e");
    try {
      let isBuilt = false;
      await Promise.all([
        phase("integration", live, (output) => vitest("integration", { ...process.env, ...stack.env }, output)),
        (async () => {
          await beside("unit", (output) => vitest("unit", unitEnv, output));
          isBuilt = await beside("test build", (output) => buildTestSite(endToEndEnv(stack, database), output)).then(
            () => true,
            (error: unknown) => (failedPhase("test build")(error), false),
          );
          if (isBuilt) await beside("faults", (output) => faultCampaign(stack, output)).catch(failedPhase("faults"));
        })(),
      ]);
      if (isBuilt) await phase("e2e", live, () => runEndToEnd(endToEndEnv(stack, database), stack));
    } finally {
      await database.drop();
    }
  });
}

async function runOneLayer(): Promise<void> {
  if (wants("unit")) await phase("unit", live, (output) => vitest("unit", unitEnv, output));
  if (!wants("integration") && !wants("e2e") && !wants("faults")) return;
  await withStack(async (stack) => {
    if (wants("integration")) await phase("integration", live, (output) => vitest("integration", { ...process.env, ...stack.env }, output));
    if (wants("e2e")) {
      const database = await createStackDatabase(stack, "e2e");
      try {
        await buildTestSite(endToEndEnv(stack, database), live);
        await phase("e2e", live, () => runEndToEnd(endToEndEnv(stack, database), stack));
      } finally {
        await database.drop();
      }
    }
    if (wants("faults")) {
      await buildTestSite({ ...process.env, ...stack.env }, live);
      await phase("faults", live, (output) => faultCampaign(stack, output));
    }
  });
}

// The summary lists the layers in the order of the run's stages, whichever ended first.
const ORDER = ["lint", "lint: dependency rules", "typecheck", "unit", "integration", "test build", "faults", "e2e"];
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

async function main(): Promise<void> {
  const started = Date.now();
  await rm(resultsDir, { recursive: true, force: true });
  await mkdir(resultsDir, { recursive: true });
  await (only === undefined ? runEverything() : runOneLayer());
  const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
  console.log("\nWall time per phase (phases overlap)");
  for (const timing of timings) console.log(`  ${timing.name.padEnd(12)} ${timing.seconds} s`);
  console.log(`  ${"whole run".padEnd(12)} ${Math.round((Date.now() - started) / 1000)} s`);
  console.log("\nSummary");
  for (const tally of [...tallies].sort((a, b) => rank(a.name) - rank(b.name))) {
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
