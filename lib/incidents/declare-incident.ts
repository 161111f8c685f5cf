import "server-only";
import { sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db/client";
import { incidentSpaces, incidents } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { DeclareIncidentInput, SpaceRef } from "./incident-schemas";
import { findWindowProblem } from "./incident-window";

/** The listed spaces' ids; a space that does not exist is the operator's 400, naming it. */
async function spaceIdsOrThrow(db: Database, refs: SpaceRef[]): Promise<bigint[]> {
  if (refs.length === 0) return [];
  const rows = await db.execute<{ id: string; account_id: string; name: string }>(sql`
    select s.id::text, s.account_id, s.name from spaces s
    join unnest(${sql.param(refs.map((ref) => ref.account))}::text[], ${sql.param(refs.map((ref) => ref.space))}::text[]) as wanted(account_id, name)
      on s.account_id = wanted.account_id and s.name = wanted.name`);
  const found = new Map(rows.rows.map((row) => [`${row.account_id}/${row.name}`, BigInt(row.id)]));
  const missing = refs.map((ref) => `${ref.account}/${ref.space}`).filter((name) => !found.has(name));
  if (missing.length > 0) {
    const message = `No such space: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`;
    throw new AppError("validation_failed", { message, details: { fields: [{ path: "spaces", message }] } });
  }
  return [...new Set(found.values())];
}

/**
 * Records an incident an operator declares (operators only), audited in the same transaction. Nothing
 * is credited yet: the incident page previews the credits and the operator confirms them there.
 */
export async function declareIncident(
  db: Database,
  session: AppSession | null,
  input: DeclareIncidentInput,
  now = new Date(),
): Promise<{ id: bigint }> {
  const admin = requireAdmin(session);
  const problem = findWindowProblem(input, now);
  if (problem) throw new AppError("validation_failed", { message: problem.message, details: { fields: [problem] } });
  const isAllSpaces = input.scope === "all";
  const spaceIds = isAllSpaces ? [] : await spaceIdsOrThrow(db, input.spaces);
  return runTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        summary: input.summary ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        isAllSpaces,
        declaredBy: admin.user.id,
      })
      .returning();
    if (!created) throw new Error("incident insert returned nothing");
    if (spaceIds.length > 0)
      await tx.insert(incidentSpaces).values(spaceIds.map((spaceId) => ({ incidentId: created.id, spaceId })));
    await recordAudit(tx, {
      session: admin,
      action: "incident.declare",
      target: `incident:${created.id}`,
      before: null,
      after: { ...created, spaces: isAllSpaces ? "all" : input.spaces.map((ref) => `${ref.account}/${ref.space}`) },
    });
    return { id: created.id };
  });
}
