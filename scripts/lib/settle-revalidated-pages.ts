// The test build is prerendered with the build's environment, and the test server runs with another
// (its own port in APP_URL, GitHub sign-in on), so the first visit to a page that revalidates serves
// the build's version and regenerates it with different inline scripts. Requests that arrive while that
// first regeneration is in flight can be handed its result with a CSP written before its hashes were
// known (lib/security/csp-cache-handler.mjs). In production the build and the server share their
// environment, so regeneration changes a page only when its data does. Before the browser tests start,
// each such page is visited until two visits agree, so every test sees a settled page.
import { hashInlineScripts } from "@/lib/security/script-hash-registry.mjs";

const REVALIDATED_PAGES = ["/waitlist"];

export async function settleRevalidatedPages(siteUrl: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const path of REVALIDATED_PAGES) {
    let previous = "";
    for (;;) {
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      const hashes = hashInlineScripts(html).join(" ");
      if (hashes === previous) break;
      if (Date.now() > deadline) throw new Error(`${path} did not settle within ${timeoutMs} ms`);
      previous = hashes;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
