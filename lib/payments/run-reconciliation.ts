import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { reconciliationRuns } from "@/lib/db/schema";
import { getPaymentMetrics } from "./payment-metrics";
import { describeFailure } from "./describe-failure";
import { reconcilePayments, type Drift, type ReconcileReport } from "./reconcile";
import { withReconcileRunLock } from "./reconcile-run-lock";

/** A run keeps this many findings (drift first, then repairs); its counts are always whole. */
export const MAX_STORED_FINDINGS = 100;

export type ReconciliationFinding = { kind: Drift["kind"] | "repaired"; key: string; detail: string };

export type RunReconciliationOptions = {
  /** The 15-minute job, an operator's "Run now", or `npm run reconcile`. */
  trigger: "job" | "operator" | "script";
  operator?: { id: string; email: string };
  /** Runs in the transaction that records the run's start (an operator's audit entry). */
  onStarted?: (tx: Transaction, runId: bigint) => Promise<void>;
  windowSeconds?: number;
};

export type ReconciliationRunResult = { runId: bigint; report: ReconcileReport };

function findingsOf(report: ReconcileReport): ReconciliationFinding[] {
  const repaired = report.repaired.map((key) => ({
    kind: "repaired" as const,
    key,
    detail: "a missed fulfilment, credited now",
  }));
  return [...report.drift, ...repaired].slice(0, MAX_STORED_FINDINGS);
}

/**
 * One reconciliation (lib/payments/reconcile.ts), recorded in `reconciliation_runs`: the row is written
 * when it starts and completed with its counts and findings, or with the error that stopped it. Only
 * one runs at a time across every instance (`conflict` for a second).
 */
export async function runReconciliation(
  db: Database,
  options: RunReconciliationOptions,
): Promise<ReconciliationRunResult> {
  return withReconcileRunLock(async () => {
    const runId = await runTransaction(db, async (tx) => {
      const [run] = await tx
        .insert(reconciliationRuns)
        .values({
          trigger: options.trigger,
          operatorId: options.operator?.id ?? null,
          operatorEmail: options.operator?.email ?? null,
        })
        .returning({ id: reconciliationRuns.id });
      await options.onStarted?.(tx, run!.id);
      return run!.id;
    });
    try {
      const report = await reconcilePayments(db, { windowSeconds: options.windowSeconds });
      await db
        .update(reconciliationRuns)
        .set({
          finishedAt: sql`now()`,
          checkedPayments: report.checkedPayments,
          checkedCredits: report.checkedCredits,
          driftCount: report.drift.length,
          repairedCount: report.repaired.length,
          findings: findingsOf(report),
        })
        .where(eq(reconciliationRuns.id, runId));
      return { runId, report };
    } catch (error) {
      getPaymentMetrics().reconcileRuns.inc({ outcome: "failed" });
      const failure = describeFailure(error);
      await db
        .update(reconciliationRuns)
        .set({ finishedAt: sql`now()`, errorCode: failure.code, errorMessage: failure.message })
        .where(eq(reconciliationRuns.id, runId));
      throw error;
    }
  });
}
