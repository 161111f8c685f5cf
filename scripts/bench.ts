// npm run bench – performance against the budgets of DESIGN section 11, each figure beside a baseline
// measured in the same run: a bare Node http server doing the least the real endpoint must do.
// `--only pages|ingest|standing|account` runs one part. Never a timed assertion in a test: this reports.
import { buildIfStale } from "./lib/build-site";
import { startNextServer } from "./lib/next-server";
import { findFreePort } from "./lib/ports";
import { startTestStack } from "./lib/test-stack";
import { benchIngest, benchStanding, prepareAccounts } from "./bench/bench-billing";
import { benchPages } from "./bench/bench-pages";
import { benchAccount } from "./bench/bench-account";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const wants = (part: string) => only === undefined || only === part;

const stack = await startTestStack();
Object.assign(process.env, stack.env, { LOG_LEVEL: "warn" });
const lines: string[] = [];
try {
  const distDir = ".next-test";
  await buildIfStale({ distDir, env: process.env, buildEnv: { APP_MODE: "demo" } });
  const port = await findFreePort();
  const server = await startNextServer({ port, distDir, env: { ...process.env, APP_URL: `http://localhost:${port}` } });
  try {
    if (wants("pages")) lines.push(...(await benchPages(server.url)));
    if (wants("ingest") || wants("standing")) {
      const setup = await prepareAccounts(50);
      if (wants("ingest")) lines.push(...(await benchIngest(server.url, setup, server.pid)));
      if (wants("standing")) lines.push(...(await benchStanding(server.url, setup)));
    }
    if (wants("account")) lines.push(...(await benchAccount(server.url, server.pid)));
  } finally {
    await server.stop();
  }
} finally {
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  await stack.stop();
}
console.log(`\nBenchmark (${new Date().toISOString()}, ${process.platform}/${process.arch}, Node ${process.version})\n${lines.join("\n")}`);
