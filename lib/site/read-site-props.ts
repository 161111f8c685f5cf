import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { launchSettings } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import type { SiteProps } from "./site-props";

/** The implementation of siteProps() (lib/site/site-props.ts), registered by instrumentation.ts. */
export async function readSiteProps(): Promise<SiteProps> {
  const env = getEnv();
  const [row] = await getDb()
    .select({ launchMode: launchSettings.launchMode })
    .from(launchSettings)
    .where(eq(launchSettings.id, true));
  // No row: nothing was saved yet, and the defaults (lib/settings/launch-settings.ts) are `limited`.
  return { appUrl: env.appUrl, isDemo: env.isDemo, isIndexable: row?.launchMode !== "private" };
}
