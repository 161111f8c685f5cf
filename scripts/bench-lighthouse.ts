// npm run bench:lighthouse – Lighthouse 12.2.3 (mobile profile, simulated throttling) on Debian's
// Chromium against the production test build: performance, accessibility, best practices and SEO for
// every public page a visitor lands on: `/`, `/pricing`, a blog post, the blog index, the changelog, a
// legal page and the waitlist (budgets: ≥ 98, 100, 100, 100; DESIGN section 11). LIGHTHOUSE_PAGES
// (comma-separated paths) audits fewer.
//
// Lighthouse's 4× CPU slowdown assumes a desktop-class host (BenchmarkIndex ~1500); on a slower or
// busy host it warns that performance is understated and asks for a calibrated multiplier
// (docs/throttling.md, "CPU throttling"). So each page is measured with the default profile and, when
// the host's BenchmarkIndex is below 1000, again with the multiplier scaled to it
// (4 × index / 1500, at least 1). Both rows are printed; the budget is judged on the calibrated one.
//
// One Lighthouse run is a noisy sample: Lighthouse's docs (docs/variability.md) say the median of 5 runs
// is about twice as stable as 1 and ship `computeMedianRun` for picking it (the run nearest the median
// first paint and time to interactive, as Lighthouse CI does). So every page is audited RUNS times
// (LIGHTHOUSE_RUNS to change it); each run's performance score is printed, and the row and the budget
// are the median run's.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { buildIfStale } from "./lib/build-site";
import { startNextServer } from "./lib/next-server";
import { findFreePort } from "./lib/ports";
import { startTestStack } from "./lib/test-stack";

const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? [
  "/",
  "/pricing",
  "/blog/how-billing-works",
  "/blog",
  "/changelog",
  "/terms",
  "/waitlist",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const BUDGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};
// Chromium keeps a "spare" renderer process started for the next navigation, and starts a new one the
// moment a navigation takes the spare: that is, while the measured page commits and paints. On a phone
// it starts on another core; on this 2-core host it takes the page's core. Lighthouse's simulation
// multiplies each main-thread task's wall time by 4, so that unrelated process start-up was counted as
// the page's work (the navigation's commit task ran at 2-3 times its CPU time). Without the spare, each
// audited page still gets a newly started renderer process of its own (started for the navigation),
// and nothing else starts during its load. LIGHTHOUSE_SPARE_RENDERER=1 keeps Chromium's default, to
// compare.
const SPARE_RENDERER_OFF = process.env.LIGHTHOUSE_SPARE_RENDERER === "1" ? [] : ["--disable-features=SpareRendererForSitePerProcess"];
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", ...SPARE_RENDERER_OFF];
// Lighthouse's default mobile throttling (constants.throttling.mobileSlow4G).
const MOBILE_SLOW_4G = {
  rttMs: 150,
  throughputKbps: 1638.4,
  requestLatencyMs: 562.5,
  downloadThroughputKbps: 1474.56,
  uploadThroughputKbps: 675,
};

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
type Audit = { scores: number[]; failing: string[]; benchmarkIndex: number; metrics: string; runScores: number[] };
// The five metrics the performance score is made of, as Lighthouse reports them.
const METRICS = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["speed-index", "SI"],
  ["cumulative-layout-shift", "CLS"],
] as const;

async function runLighthouse(url: string, port: number, cpuSlowdownMultiplier: number, run: number): Promise<Lhr> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
    throttling: { ...MOBILE_SLOW_4G, cpuSlowdownMultiplier },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (process.env.LIGHTHOUSE_REPORT_DIR) {
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(process.env.LIGHTHOUSE_REPORT_DIR, { recursive: true });
    const name = `${new URL(url).pathname.replace(/\W+/g, "_") || "_"}-${cpuSlowdownMultiplier}-run${run}`;
    await writeFile(`${process.env.LIGHTHOUSE_REPORT_DIR}/${name}.json`, JSON.stringify(result.lhr));
    const trace = (result.artifacts as { Trace?: unknown } | undefined)?.Trace;
    if (trace) await writeFile(`${process.env.LIGHTHOUSE_REPORT_DIR}/${name}.trace.json`, JSON.stringify(trace));
  }
  return result.lhr;
}

const performanceOf = (lhr: Lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100);

/** RUNS audits of one page, summarised by the median run. */
async function audit(url: string, port: number, cpuSlowdownMultiplier: number): Promise<Audit> {
  const runs: Lhr[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await runLighthouse(url, port, cpuSlowdownMultiplier, run));
  // median-run.js is typed against Lighthouse's internal LH.Result, the same object as the public one.
  const median = computeMedianRun(runs as never) as Lhr;
  const failing = Object.values(median.audits)
    .filter((entry) => entry.score !== null && entry.score < 1 && entry.scoreDisplayMode === "binary")
    .map((entry) => entry.id);
  const metrics = METRICS.map(([id, label]) => `${label} ${median.audits[id]?.displayValue ?? "?"}`).join(", ");
  return {
    metrics,
    scores: CATEGORIES.map((category) => Math.round((median.categories[category]?.score ?? 0) * 100)),
    failing,
    benchmarkIndex: Math.round(median.environment.benchmarkIndex ?? 0),
    runScores: runs.map(performanceOf),
  };
}

function row(path: string, label: string, measured: Audit): string {
  const failing = measured.failing.length > 0 ? ` failing: ${measured.failing.join(", ")}` : "";
  return `| \`${path}\` | ${label} | ${measured.benchmarkIndex} | ${measured.scores.join(" | ")} | ${measured.runScores.join(", ")} | ${measured.metrics} |${failing}`;
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
    await runLighthouse(`${server.url}${PAGES[0]}`, chrome.port, 4, 0);
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
console.log(
  `\nLighthouse 12.2.3, mobile, median of ${RUNS} runs (${new Date().toISOString()}, Node ${process.version}; Chromium flags: ${CHROME_FLAGS.join(" ")})\n`,
);
console.log(
  `| page | CPU slowdown | host BenchmarkIndex | performance | accessibility | best practices | SEO | performance of each of the ${RUNS} runs | metrics |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
);
console.log(rows.join("\n"));
console.log(
  `\nBudgets (≥ ${CATEGORIES.map((category) => BUDGETS[category]).join(", ")}): ${isWithinBudget ? "met" : "NOT met"}`,
);
process.exitCode = isWithinBudget ? 0 : 1;
