import { requestsPerSecond, startBaselineServer } from "./measure";
import { benchPageScripts } from "./page-script-sizes";

/**
 * Requests/s for the prerendered home page against a bare server serving the same bytes, and the
 * JavaScript `/` and `/pricing` load against the framework's floor.
 */
export async function benchPages(siteUrl: string): Promise<string[]> {
  const page = Buffer.from(await (await fetch(`${siteUrl}/`)).arrayBuffer());
  const baseline = await startBaselineServer(page, "text/html; charset=utf-8");
  try {
    await requestsPerSecond(`${siteUrl}/`, 2); // warm up
    const site = await requestsPerSecond(`${siteUrl}/`, 8);
    const bare = await requestsPerSecond(`${baseline.url}/`, 8);
    return [
      `pages     GET /             ${site.toFixed(0)} req/s vs bare http ${bare.toFixed(0)} req/s  ratio ${(site / bare).toFixed(2)}`,
      ...(await benchPageScripts(siteUrl)),
    ];
  } finally {
    await baseline.close();
  }
}
