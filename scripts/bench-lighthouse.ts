// npm run bench:lighthouse – Lighthouse 12.2.3 (mobile profile, simulated throttling) on Debian's
// Chromium against the production test build: performance, accessibility, best practices and SEO for
// `/`, `/pricing` and a blog post (budgets: ≥ 98, 100, 100, 100; DESIGN section 11).
//
// Lighthouse's 4× CPU slowdown assumes a desktop-class host (BenchmarkIndex ~1500); on a slower or
// busy host it warns that performance is understated and asks for a calibrated multiplier
// (docs/throttling.md, "CPU throttling"). So each page is measured with the default profile and, when
// the host's BenchmarkIndex is below 1000, again with the multiplier scaled to it
// (4 × index / 1500, at least 1). Both rows are printed; the budget is judged on the calibrated one.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildIfStale } from "./lib/build-site";
import { startNextServer } from "./lib/next-server";
import { findFreePort } from "./lib/ports";
import { startTestStack } from "./lib/test-stack";

const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? ["/", "/pricing", "/blog/how-billing-works"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const BUDGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];
// Lighthouse's default mobile throttling (constants.throttling.mobileSlow4G).
const MOBILE_SLOW_4G = {
  rttMs: 150,
  throughputKbps: 1638.4,
  requestLatencyMs: 562.5,
  downloadThroughputKbps: 1474.56,
  uploadThroughputKbps: 675,
};

type Audit = { scores: number[]; failing: string[]; benchmarkIndex: number; metrics: string };
// The five metrics the performance score is made of, as Lighthouse reports them.
const METRICS = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["speed-index", "SI"],
  ["cumulative-layout-shift", "CLS"],
] as const;

async function audit(url: string, port: number, cpuSlowdownMultiplier: number): Promise<Audit> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
    throttling: { ...MOBILE_SLOW_4G, cpuSlowdownMultiplier },
  });
  const categories = result?.lhr.categories ?? {};
  const failing = Object.values(result?.lhr.audits ?? {})
    .filter((entry) => entry.score !== null && entry.score < 1 && entry.scoreDisplayMode === "binary")
    .map((entry) => entry.id);
  const audits = result?.lhr.audits ?? {};
  const metrics = METRICS.map(([id, label]) => `${label} ${audits[id]?.displayValue ?? "?"}`).join(", ");
  if (process.env.LIGHTHOUSE_REPORT_DIR) {
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(process.env.LIGHTHOUSE_REPORT_DIR, { recursive: true });
    const name = new URL(url).pathname.replace(/\W+/g, "_") || "_";
    await writeFile(`${process.env.LIGHTHOUSE_REPORT_DIR}/${name}-${cpuSlowdownMultiplier}.json`, JSON.stringify(result?.lhr));
    const trace = (result?.artifacts as { Trace?: unknown } | undefined)?.Trace;
    if (trace) await writeFile(`${process.env.LIGHTHOUSE_REPORT_DIR}/${name}-${cpuSlowdownMultiplier}.trace.json`, JSON.stringify(trace));
  }
  return {
    metrics,
    scores: CATEGORIES.map((category) => Math.round((categories[category]?.score ?? 0) * 100)),
    failing,
    benchmarkIndex: Math.round(result?.lhr.environment.benchmarkIndex ?? 0),
  };
}

function row(path: string, label: string, measured: Audit): string {
  const failing = measured.failing.length > 0 ? ` failing: ${measured.failing.join(", ")}` : "";
  return `| \`${path}\` | ${label} | ${measured.benchmarkIndex} | ${measured.scores.join(" | ")} | ${measured.metrics} |${failing}`;
}

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
    // One audit thrown away first: the first page a freshly launched Chromium renders also pays for the
    // browser's own start-up (font configuration, the first renderer), which no visitor's browser does.
    // Lighthouse still clears the site's cache and storage before every measured audit.
    await audit(`${server.url}${PAGES[0]}`, chrome.port, 4);
    for (const path of PAGES) {
      const url = `${server.url}${path}`;
      await fetch(url); // warm the server, as a visitor after the first would find it
      const standard = await audit(url, chrome.port, 4);
      rows.push(row(path, "4× (default)", standard));
      let judged = standard;
      if (standard.benchmarkIndex < 1000) {
        const multiplier = Math.max(1, Math.round(((4 * standard.benchmarkIndex) / 1500) * 10) / 10);
        judged = await audit(url, chrome.port, multiplier);
        rows.push(row(path, `${multiplier}× (calibrated)`, judged));
      }
      CATEGORIES.forEach((category, index) => {
        if (judged.scores[index]! < BUDGETS[category]) isWithinBudget = false;
      });
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
console.log(
  "| page | CPU slowdown | host BenchmarkIndex | performance | accessibility | best practices | SEO | metrics |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
);
console.log(rows.join("\n"));
console.log(
  `\nBudgets (≥ ${CATEGORIES.map((category) => BUDGETS[category]).join(", ")}): ${isWithinBudget ? "met" : "NOT met"}`,
);
process.exitCode = isWithinBudget ? 0 : 1;
