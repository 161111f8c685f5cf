// The zero-JS pages (pages/) skip the proxy, so in the `private` launch mode they cannot get its
// `X-Robots-Tag`: they carry `<meta name="robots" content="noindex, nofollow">` instead, within a
// regeneration (15 s) of the operator's change, and lose it again when the mode leaves `private`. Real
// The site's server (server.ts) on the test build on a database of this file's own (the mode is global).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { launchSettings } from "@/lib/db/schema";
import { LAUNCH_SETTING_DEFAULTS, type LaunchMode } from "@/lib/settings/launch-settings";
import { startFaultWorld, waitUntil, type FaultWorld, type Site } from "../support/fault-world";

let world: FaultWorld;
let site: Site;

beforeAll(async () => {
  world = await startFaultWorld("zero_js_private");
  site = await world.startSite();
});

afterAll(async () => {
  // The regenerated pages live in the test build's folder: leave them as the other tests expect them.
  if (site) await setModeAndWait("limited").catch(() => undefined);
  await world?.stop();
});

const PAGES = ["/", "/terms", "/blog", "/changelog", "/blog/how-billing-works", "/waitlist"];
const ROBOTS_META = /<meta name="robots" content="noindex, nofollow"[^>]*>/;

async function setLaunchMode(launchMode: LaunchMode): Promise<void> {
  await getDb()
    .insert(launchSettings)
    .values({ ...LAUNCH_SETTING_DEFAULTS, launchMode })
    .onConflictDoUpdate({ target: launchSettings.id, set: { launchMode } });
}

const pageOf = async (path: string) => {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, html: await response.text(), robotsHeader: response.headers.get("x-robots-tag") };
};

/** Sets the mode, then asks for every page until each shows (or no longer shows) the robots tag. */
async function setModeAndWait(launchMode: LaunchMode): Promise<void> {
  await setLaunchMode(launchMode);
  for (const path of PAGES) {
    await waitUntil(`${path} to follow the ${launchMode} mode`, async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return ROBOTS_META.test((await pageOf(path)).html) === (launchMode === "private");
    }, 60_000);
  }
}

describe("zero-JS pages in the private launch mode", () => {
  it("tell search engines to stay out with a robots meta tag, and stop when the mode opens", { timeout: 240_000 }, async () => {
    for (const path of PAGES) {
      const page = await pageOf(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toMatch(ROBOTS_META);
      // No proxy on these pages: the header the App Router pages get never comes.
      expect(page.robotsHeader, path).toBeNull();
    }

    await setModeAndWait("private");
    for (const path of PAGES) {
      const page = await pageOf(path);
      expect(page.html, path).toMatch(ROBOTS_META);
      // Still a page without JavaScript: the tag is in the prerendered HTML.
      expect(page.html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    // The App Router pages keep the proxy's header.
    expect((await pageOf("/sign-in")).robotsHeader).toBe("noindex, nofollow");

    await setModeAndWait("limited");
    for (const path of PAGES) expect((await pageOf(path)).html, path).not.toMatch(ROBOTS_META);
  });
});
