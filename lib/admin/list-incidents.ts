import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { incidents, users } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type IncidentListRow = {
  id: bigint;
  title: string;
  startsAt: Date;
  endsAt: Date;
  isAllSpaces: boolean;
  declaredAt: Date;
  declaredByEmail: string | null;
  creditedAt: Date | null;
  creditedMicros: bigint | null;
  creditedAccounts: number | null;
};

/** The latest incidents, newest first (operators only). */
export async function listIncidents(db: Queryable, session: AppSession | null): Promise<IncidentListRow[]> {
  requireAdmin(session);
  return db
    .select({
      id: incidents.id,
      title: incidents.title,
      startsAt: incidents.startsAt,
      endsAt: incidents.endsAt,
      isAllSpaces: incidents.isAllSpaces,
      declaredAt: incidents.declaredAt,
      declaredByEmail: users.email,
      creditedAt: incidents.creditedAt,
      creditedMicros: incidents.creditedMicros,
      creditedAccounts: incidents.creditedAccounts,
    })
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.declaredBy))
    .orderBy(desc(incidents.declaredAt), desc(incidents.id))
    .limit(200);
}
