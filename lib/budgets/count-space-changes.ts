import "server-only";
import { getMetrics } from "@/lib/observability/metrics";
import type { BudgetCheckOutcome } from "./check-budgets";

/** Counts a committed check's pauses and resumes (`space_standing_changes_total`): only after the commit. */
export function countSpaceChanges(outcome: Pick<BudgetCheckOutcome, "paused" | "resumed">): void {
  const metric = getMetrics().spaceStandingChanges;
  if (outcome.paused.length > 0) metric.inc({ state: "paused" }, outcome.paused.length);
  if (outcome.resumed.length > 0) metric.inc({ state: "active" }, outcome.resumed.length);
}
