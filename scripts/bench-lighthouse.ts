// npm run bench:lighthouse – Lighthouse 12.2.3 (mobile profile, its default simulated throttling) on
// Debian's Chromium against the production test build: performance, accessibility, best practices and
// SEO for `/`, `/pricing` and a blog post (budgets: ≥ 98, 100, 100, 100; DESIGN section 11). Reports;
// exits non-zero when a budget is missed, so it can gate a release.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildIfStale } from "./lib/build-site";
import { startNextServer } from "./lib/next-server";
import { findFreePort } from "./lib/ports";
import { startTestStack } from "./lib/test-stack";

const PAGES = ["/", "/pricing", "/blog/how-billing-works"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const BUDGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];

const stack = await startTestStack();
Object.assign(process.env, stack.env, { LOG_LEVEL: "warn" });
const rows: string[] = [];
let isWithinBudget = true;
try {
  const distDir = ".next-test";
  await buildIfStale({ distDir, env: process.env, buildEnv: { APP_MODE: "demo" } });
  const port = await findFreePort();
  const server = await startNextServer({ port, distDir, env: { ...process.env, APP_URL: `http://localhost:${port}` } });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  try {
    for (const path of PAGES) {
      await fetch(`${server.url}${path}`); // warm the server, as a visitor after the first would find it
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      const categories = result?.lhr.categories ?? {};
      const scores = CATEGORIES.map((category) => Math.round((categories[category]?.score ?? 0) * 100));
      CATEGORIES.forEach((category, index) => {
        if (scores[index]! < BUDGETS[category]) isWithinBudget = false;
      });
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
        .map((audit) => audit.id);
      rows.push(
        `| \`${path}\` | ${scores.join(" | ")} |${failing.length > 0 ? ` failing: ${failing.join(", ")}` : ""}`,
      );
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
} finally {
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  await stack.stop();
}
console.log(`\nLighthouse 12.2.3, mobile (${new Date().toISOString()}, Node ${process.version})\n`);
console.log("| page | performance | accessibility | best practices | SEO |\n| --- | --- | --- | --- | --- |");
console.log(rows.join("\n"));
console.log(
  `\nBudgets (≥ ${CATEGORIES.map((category) => BUDGETS[category]).join(", ")}): ${isWithinBudget ? "met" : "NOT met"}`,
);
process.exitCode = isWithinBudget ? 0 : 1;
