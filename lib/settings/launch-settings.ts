// Server code, without the "server-only" marker: the waitlist page of the Pages Router (pages/waitlist)
// reads the launch mode in getStaticProps, where Next refuses that marker. getStaticProps never reaches the
// browser bundle. Keep this module out of client components: it reads the database.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { launchSettings } from "@/lib/db/schema";
import { DEFAULT_PROMOTIONAL_GRANT_MICROS } from "./promotional-grant";

/** What operators set, typed from the settings table so the two cannot drift (the welcome credit in micros). */
export type LaunchSettings = Pick<
  typeof launchSettings.$inferSelect,
  "launchMode" | "accountCap" | "memberInviteAllowance" | "promotionalGrantMicros"
>;

export type LaunchMode = LaunchSettings["launchMode"];

// What a fresh database behaves as until an operator saves settings (no seed row needed).
export const LAUNCH_SETTING_DEFAULTS: LaunchSettings = {
  launchMode: "limited",
  accountCap: 500,
  memberInviteAllowance: 2,
  promotionalGrantMicros: DEFAULT_PROMOTIONAL_GRANT_MICROS,
};

/** The operator settings in force: the stored row, or the defaults when none was saved yet. */
export async function getLaunchSettings(db: Queryable): Promise<LaunchSettings> {
  const [row] = await db
    .select({
      launchMode: launchSettings.launchMode,
      accountCap: launchSettings.accountCap,
      memberInviteAllowance: launchSettings.memberInviteAllowance,
      promotionalGrantMicros: launchSettings.promotionalGrantMicros,
    })
    .from(launchSettings)
    .where(eq(launchSettings.id, true));
  return row ?? LAUNCH_SETTING_DEFAULTS;
}
