import type { BulkWaitlistDecision, BulkWaitlistResult } from "./decide-waitlist-entries";
import { describeCapacityShortfall, entries } from "./describe-capacity-shortfall";

/**
 * What a bulk decision did, in the operator's words: how many were decided, which were left as they
 * were, and, when the cap stopped approvals, how many places there were and why the rest wait.
 */
export function describeBulkDecision(decision: BulkWaitlistDecision["decision"], result: BulkWaitlistResult): string {
  const parts: string[] = [];
  const done = result.decidedIds.length;
  if (decision === "approve") parts.push(done > 0 ? `Approved ${entries(done)}; their invitations are on their way.` : "Approved nobody.");
  else parts.push(done > 0 ? `Declined ${entries(done)}.` : "Declined nobody.");
  if (result.unchangedIds.length > 0) {
    parts.push(`${entries(result.unchangedIds.length)} had already been decided or withdrawn and ${result.unchangedIds.length === 1 ? "was" : "were"} left as ${result.unchangedIds.length === 1 ? "it was" : "they were"}.`);
  }
  if (result.overCapacityIds.length > 0 && result.capacity) parts.push(describeCapacityShortfall(result.overCapacityIds.length, result.capacity));
  return parts.join(" ");
}
