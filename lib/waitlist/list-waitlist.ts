import "server-only";
import { asc, desc, eq, ne } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";

export type WaitlistEntry = Omit<typeof waitlistEntries.$inferSelect, "withdrawTokenHash" | "decidedBy">;

const columns = {
  id: waitlistEntries.id,
  email: waitlistEntries.email,
  building: waitlistEntries.building,
  link: waitlistEntries.link,
  status: waitlistEntries.status,
  source: waitlistEntries.source,
  decidedAt: waitlistEntries.decidedAt,
  createdAt: waitlistEntries.createdAt,
};

/** For review (operators only): everyone waiting, oldest first, and the most recent decisions. */
export async function listWaitlist(db: Queryable, session: AppSession | null): Promise<{ waiting: WaitlistEntry[]; decided: WaitlistEntry[] }> {
  requireAdmin(session);
  const [waiting, decided] = await Promise.all([
    db.select(columns).from(waitlistEntries).where(eq(waitlistEntries.status, "waiting")).orderBy(asc(waitlistEntries.createdAt)).limit(500),
    db.select(columns).from(waitlistEntries).where(ne(waitlistEntries.status, "waiting")).orderBy(desc(waitlistEntries.decidedAt)).limit(50),
  ]);
  return { waiting, decided };
}
