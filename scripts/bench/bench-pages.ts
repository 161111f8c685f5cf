import { requestsPerSecond, startBaselineServer } from "./measure";
import { startMinimalNextApp } from "./minimal-next-app";
import { benchPageScripts } from "./page-script-sizes";

// Rounds of site / minimal Next / bare, in turn: the machine is shared, so a slow spell falls on every
// server of a round instead of on one of them; each figure is the mean of its rounds.
const ROUNDS = 2;
const SECONDS = 6;

/**
 * Requests/s for the prerendered home page against a minimal prerendered Next page (DESIGN section 11:
 * ≥ 0.9×) and a bare server serving the same bytes, and the JavaScript `/` and `/pricing` load against
 * the framework's floor.
 */
export async function benchPages(siteUrl: string): Promise<string[]> {
  const page = Buffer.from(await (await fetch(`${siteUrl}/`)).arrayBuffer());
  const baseline = await startBaselineServer(page, "text/html; charset=utf-8");
  const minimal = await startMinimalNextApp(process.env);
  try {
    const targets = {
      site: `${siteUrl}/`,
      app: `${minimal.server.url}/`,
      pages: `${minimal.server.url}/pages-router`,
      bare: `${baseline.url}/`,
    };
    for (const url of Object.values(targets)) await requestsPerSecond(url, 2); // warm up
    const sums = { site: 0, app: 0, pages: 0, bare: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of Object.keys(sums) as Array<keyof typeof sums>) sums[key] += await requestsPerSecond(targets[key], SECONDS);
    }
    const [site, app, pages, bare] = [sums.site, sums.app, sums.pages, sums.bare].map((sum) => sum / ROUNDS) as [number, number, number, number];
    return [
      `pages     GET /             ${site.toFixed(0)} req/s vs minimal Next page ${app.toFixed(0)} req/s  ratio ${(site / app).toFixed(2)} (budget ≥ 0.90)`,
      `pages     GET /             vs minimal zero-JS Pages Router page ${pages.toFixed(0)} req/s  ratio ${(site / pages).toFixed(2)}`,
      `pages     GET /             vs bare http ${bare.toFixed(0)} req/s  ratio ${(site / bare).toFixed(2)}`,
      ...(await benchPageScripts(siteUrl)),
    ];
  } finally {
    await minimal.stop();
    await baseline.close();
  }
}
