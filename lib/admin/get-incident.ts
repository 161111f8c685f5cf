import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { incidents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { computeIncidentCredits, type IncidentCredits } from "@/lib/incidents/compute-incident-credits";
import { creditedHours } from "@/lib/incidents/incident-window";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type PostedIncidentCredit = { accountId: string; email: string | null; amountMicros: bigint; postedAt: Date };

export type IncidentDetail = {
  incident: typeof incidents.$inferSelect & { declaredByEmail: string | null; creditedByEmail: string | null };
  /** `account/space` of each listed space; empty when the incident affects every space. */
  spaces: string[];
  /** The whole hours credited, [from, to). */
  hours: { from: Date; to: Date };
  /** Before the credit: what confirming would credit now. */
  preview: IncidentCredits | null;
  /** After it: the credits posted, largest first. */
  credits: PostedIncidentCredit[];
};

/** One incident with its spaces and either the preview of its credits or the credits posted (operators only). */
export async function getIncident(
  db: Queryable,
  session: AppSession | null,
  incidentId: bigint,
): Promise<IncidentDetail> {
  requireAdmin(session);
  const rows = await db
    .select({
      incident: incidents,
      declaredByEmail: sql<string | null>`(select email from "user" where id = ${incidents.declaredBy})`,
      creditedByEmail: sql<string | null>`(select email from "user" where id = ${incidents.creditedBy})`,
    })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  const row = rows[0];
  if (!row) throw new AppError("not_found", { message: "That incident does not exist." });
  const incident = { ...row.incident, declaredByEmail: row.declaredByEmail, creditedByEmail: row.creditedByEmail };
  const spaces = await db.execute<{ name: string }>(sql`
    select s.account_id || '/' || s.name as name from incident_spaces i join spaces s on s.id = i.space_id
    where i.incident_id = ${incidentId} order by 1 limit 1000`);
  const hours = creditedHours(incident);
  if (!incident.creditedAt) {
    return {
      incident,
      spaces: spaces.rows.map((space) => space.name),
      hours,
      preview: await computeIncidentCredits(db, incident),
      credits: [],
    };
  }
  const credits = await db.execute<{
    account_id: string;
    email: string | null;
    amount: string;
    created_at: string;
  }>(sql`
    select c.account_id, u.email, c.amount_micros::text as amount, t.created_at::text
    from incident_credits c
    join transfers t on t.id = c.transfer_id
    join billing_accounts b on b.id = c.account_id
    join "user" u on u.id = b.owner_user_id
    where c.incident_id = ${incidentId}
    order by c.amount_micros desc, c.account_id limit 1000`);
  return {
    incident,
    spaces: spaces.rows.map((space) => space.name),
    hours,
    preview: null,
    credits: credits.rows.map((credit) => ({
      accountId: credit.account_id,
      email: credit.email,
      amountMicros: BigInt(credit.amount),
      postedAt: new Date(credit.created_at),
    })),
  };
}
