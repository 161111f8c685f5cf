import "server-only";
import { eq } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { canonicalTimeZone, TIME_ZONE_MESSAGE } from "@/lib/settings/time-zone";

/** Saves the session's own time zone (as the listed name it stands for); a name outside the list is refused. */
export async function setTimeZone(db: Queryable, session: AppSession, timeZone: string): Promise<string> {
  const zone = canonicalTimeZone(timeZone);
  if (zone === undefined) {
    throw new AppError("validation_failed", { message: `Time zone: ${TIME_ZONE_MESSAGE}.`, details: { fields: [{ path: "timeZone", message: TIME_ZONE_MESSAGE }] } });
  }
  await db.update(users).set({ timeZone: zone }).where(eq(users.id, session.user.id));
  return zone;
}
