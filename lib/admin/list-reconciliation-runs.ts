import "server-only";
import { desc } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { reconciliationRuns } from "@/lib/db/schema";
import type { ReconciliationFinding } from "@/lib/payments/run-reconciliation";

export type ListedReconciliationRun = {
  id: bigint;
  trigger: "job" | "operator" | "script";
  operatorEmail: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  checkedPayments: number | null;
  checkedCredits: number | null;
  driftCount: number | null;
  repairedCount: number | null;
  findings: ReconciliationFinding[];
  error: { code: string; message: string } | null;
};

/** How many runs the page shows: four a hour from the job, so about the last three hours. */
export const LISTED_RUNS = 12;

function findingsOf(value: unknown): ReconciliationFinding[] {
  // Written only by runReconciliation; read defensively all the same, since it is a JSON column.
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ReconciliationFinding =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as ReconciliationFinding).key === "string" &&
      typeof (item as ReconciliationFinding).kind === "string",
  );
}

/** The latest reconciliation runs with their findings, newest first (operators only). */
export async function listReconciliationRuns(
  db: Queryable,
  session: AppSession | null,
): Promise<ListedReconciliationRun[]> {
  requireAdmin(session);
  const rows = await db
    .select()
    .from(reconciliationRuns)
    .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
    .limit(LISTED_RUNS);
  return rows.map((row) => ({
    id: row.id,
    trigger: row.trigger,
    operatorEmail: row.operatorEmail,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    checkedPayments: row.checkedPayments,
    checkedCredits: row.checkedCredits,
    driftCount: row.driftCount,
    repairedCount: row.repairedCount,
    findings: findingsOf(row.findings),
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? "" } : null,
  }));
}
