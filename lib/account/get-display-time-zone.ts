import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { canonicalTimeZone } from "@/lib/settings/time-zone";

export type DisplayTimeZone = {
  timeZone: string;
  /** True when the person chose it in settings; otherwise it is the browser's (or UTC before we know it). */
  isChosen: boolean;
};

/**
 * The zone the account area shows dates in: the person's choice, else the browser's (sent in a cookie,
 * so checked like any input), else UTC.
 */
export async function getDisplayTimeZone(db: Queryable, userId: string, browserTimeZone: string | undefined): Promise<DisplayTimeZone> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  const chosen = canonicalTimeZone(row?.timeZone);
  if (chosen) return { timeZone: chosen, isChosen: true };
  return { timeZone: canonicalTimeZone(browserTimeZone) ?? "UTC", isChosen: false };
}
