import "server-only";
import { cookies } from "next/headers";
import { getDisplayTimeZone, type DisplayTimeZone } from "@/lib/account/get-display-time-zone";
import type { Queryable } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { TIME_ZONE_COOKIE } from "@/lib/settings/time-zone";

/** The zone an account page shows dates in: the person's choice, else the browser's cookie, else UTC. */
export async function getPageTimeZone(db: Queryable, session: AppSession): Promise<DisplayTimeZone> {
  const browserTimeZone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return getDisplayTimeZone(db, session.user.id, browserTimeZone);
}
