import "server-only";
import { getDb } from "@/lib/db/client";
import { getLogger } from "@/lib/observability/logger";
import { getLaunchSettings } from "@/lib/settings/launch-settings";

// proxy.ts asks on every request, so the launch mode is read at most once per TTL: one small query
// every 15 seconds per process, which concurrent requests share.
const TTL_MS = 15_000;

let known: { isAllowed: boolean; readAt: number } | undefined;
let refreshing: Promise<boolean> | undefined;

async function refresh(): Promise<boolean> {
  let isAllowed: boolean;
  try {
    isAllowed = (await getLaunchSettings(getDb())).launchMode !== "private";
  } catch (error) {
    getLogger().error({ err: error }, "could not read the launch mode for robots headers");
    // Fail closed: with the mode unknown, keep search engines out rather than index a private preview.
    isAllowed = known?.isAllowed ?? false;
  }
  known = { isAllowed, readAt: Date.now() };
  refreshing = undefined;
  return isAllowed;
}

/** Whether search engines may index the public pages: every launch mode but `private`. */
export async function isIndexingAllowed(now = Date.now()): Promise<boolean> {
  if (known && now - known.readAt < TTL_MS) return known.isAllowed;
  refreshing ??= refresh();
  return refreshing;
}
