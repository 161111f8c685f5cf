import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db/client";
import { adjustmentRequests } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { postAdjustment } from "./post-adjustment";
import { auditView, type AdjustmentOutcome } from "./request-adjustment";

export type AdjustmentDecision = { requestId: bigint; decision: "approve" | "reject" };

/**
 * A second operator decides a pending adjustment (operators only). Approving posts it, in the same
 * transaction as the decision and its audit entry; the row is locked first, so of any number of racing
 * approvals one posts and the others find it approved and answer the same (idempotent). The operator who
 * asked can never approve their own (the two-person rule; a CHECK constraint says it again); they may
 * withdraw it by rejecting, which posts nothing. A decided request is not decided again the other way.
 */
export async function decideAdjustment(
  db: Database,
  session: AppSession | null,
  options: AdjustmentDecision,
): Promise<AdjustmentOutcome> {
  const admin = requireAdmin(session);
  const status = options.decision === "approve" ? ("approved" as const) : ("rejected" as const);
  const outcome = await runTransaction(db, async (tx) => {
    const [request] = await tx
      .select()
      .from(adjustmentRequests)
      .where(eq(adjustmentRequests.id, options.requestId))
      .for("update");
    if (!request || request.status === "posted")
      throw new AppError("not_found", { message: "That adjustment request does not exist." });
    if (options.decision === "approve" && request.requestedBy === admin.user.id) {
      throw new AppError("forbidden", { message: "You asked for this adjustment: another operator must approve it." });
    }
    if (request.status === status)
      return { outcome: { requestId: request.id, status, isReplay: true }, postedTo: undefined };
    if (request.status !== "pending")
      throw new AppError("conflict", { message: `That adjustment was already ${request.status}.` });
    const posted = status === "approved" ? await postAdjustment(tx, request) : undefined;
    const [decided] = await tx
      .update(adjustmentRequests)
      .set({ status, decidedBy: admin.user.id, decidedAt: sql`now()`, transferId: posted?.transferId ?? null })
      .where(eq(adjustmentRequests.id, request.id))
      .returning();
    await recordAudit(tx, {
      session: admin,
      action: `adjustment.${options.decision}`,
      target: `account:${request.accountId}`,
      before: { id: request.id, status: request.status },
      after: { ...auditView(decided!), ...(posted ? { balanceAfterMicros: posted.balanceAfterMicros } : {}) },
    });
    return {
      outcome: { requestId: request.id, status, isReplay: false },
      postedTo: posted ? request.accountId : undefined,
    };
  });
  const { postedTo } = outcome;
  // The note's email and any standing email the posting owes, sent after the commit (the sweep retries).
  if (postedTo !== undefined)
    runAfterResponse("adjustment-emails", () => sendOutboxEmails(db, { accountIds: [postedTo] }));
  return outcome.outcome;
}
