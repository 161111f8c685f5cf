import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import type { ListedReconciliationRun } from "@/lib/admin/list-reconciliation-runs";

const findingLabel: Record<string, string> = {
  repaired: "Repaired",
  amount_mismatch: "Amounts differ",
  credit_without_payment: "Credit without payment",
  unfulfillable_payment: "Payment not credited",
  credit_without_invoice: "Credit without invoice",
  invoice_without_credit: "Invoice not credited",
  invoice_amount_mismatch: "Invoice and credit differ",
};

function statusOf(run: ListedReconciliationRun): { tone: "good" | "bad" | "warn" | "neutral"; label: string } {
  if (run.error) return { tone: "bad", label: "Failed" };
  if (!run.finishedAt) return { tone: "neutral", label: "Running or stopped" };
  if ((run.driftCount ?? 0) > 0) return { tone: "warn", label: `${run.driftCount!.toLocaleString("en-US")} drift` };
  return { tone: "good", label: "No drift" };
}

/** One reconciliation run: when, by whom, what it checked and found. */
export function ReconciliationRunItem({ run }: { run: ListedReconciliationRun }) {
  const status = statusOf(run);
  const by =
    run.trigger === "job" ? "the 15-minute job" : run.trigger === "script" ? "npm run reconcile" : (run.operatorEmail ?? "an operator");
  const figures = [
    { term: "Payments checked", value: run.checkedPayments },
    { term: "Credits checked", value: run.checkedCredits },
    { term: "Repaired", value: run.repairedCount },
  ];
  return (
    <li className="px-4 py-4 sm:px-6" data-testid="reconciliation-run">
      <p className="flex flex-wrap items-center gap-2">
        <time dateTime={run.startedAt.toISOString()} className="font-medium">
          {formatDateTime(run.startedAt)}
        </time>
        <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
        <span className="text-ink-soft text-sm">by {by}</span>
      </p>
      {run.finishedAt && !run.error ? (
        <dl className="text-ink-soft mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {figures.map((figure) => (
            <div key={figure.term} className="flex gap-1">
              <dt>{figure.term}:</dt>
              <dd className="text-ink tabular-nums">{(figure.value ?? 0).toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {run.error ? (
        <p className="text-danger mt-1 text-sm">
          <span className="font-mono">{run.error.code}</span> — {run.error.message}
        </p>
      ) : null}
      {run.findings.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {run.findings.map((finding) => (
            <li key={`${finding.kind}:${finding.key}`} className="flex flex-col sm:flex-row sm:gap-2">
              <span className="font-semibold">{findingLabel[finding.kind] ?? finding.kind}</span>
              <span className="font-mono text-xs break-all sm:text-sm">{finding.key}</span>
              <span className="text-ink-soft">{finding.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
