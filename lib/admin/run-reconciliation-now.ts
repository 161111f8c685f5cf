import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { runReconciliation, type ReconciliationRunResult } from "@/lib/payments/run-reconciliation";

/**
 * Runs reconciliation once now (operators only), recorded as the operator's run and audited when it
 * starts, in the transaction that records the run. A run already going (the job's, another operator's)
 * is a `conflict`: one at a time across every instance.
 */
export async function runReconciliationNow(db: Database, session: AppSession | null): Promise<ReconciliationRunResult> {
  const admin = requireAdmin(session);
  return runReconciliation(db, {
    trigger: "operator",
    operator: { id: admin.user.id, email: admin.user.email },
    onStarted: (tx, runId) =>
      recordAudit(tx, {
        session: admin,
        action: "payments.reconcile",
        target: `reconciliation-run:${runId}`,
        before: null,
        after: { trigger: "operator" },
      }),
  });
}
