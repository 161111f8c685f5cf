// Server code, without the "server-only" marker: read in getStaticProps of the zero-JS pages (pages/),
// where Next's Turbopack build refuses that marker (docs/decisions/0014-one-rule-for-the-two-routers.md).
// getStaticProps never reaches the browser bundle.
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { launchSettings } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

/**
 * What every static page renders with (lib/ owns the type: components/ use it, not the reverse).
 * `isIndexable` is false in the `private` launch mode: the page then tells search engines to stay out
 * (`<meta name="robots">`), since the proxy, which sends `X-Robots-Tag` for every other page, does not
 * run for these.
 */
export type SiteProps = { appUrl: string; isDemo: boolean; isIndexable: boolean };

/** How often a zero-JS page is regenerated, so a change of launch mode reaches it within that time. */
export const STATIC_PAGE_REVALIDATE_SECONDS = 15;

/**
 * The environment and launch mode the static pages render with; read in getStaticProps, at build or
 * regeneration. A database error throws: the build fails, and a regeneration keeps the page it had.
 */
export async function siteProps(): Promise<SiteProps> {
  const env = getEnv();
  const [row] = await getDb()
    .select({ launchMode: launchSettings.launchMode })
    .from(launchSettings)
    .where(eq(launchSettings.id, true));
  // No row: nothing was saved yet, and the defaults (lib/settings/launch-settings.ts) are `limited`.
  return { appUrl: env.appUrl, isDemo: env.isDemo, isIndexable: row?.launchMode !== "private" };
}
