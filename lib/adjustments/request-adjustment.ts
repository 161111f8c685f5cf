import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db/client";
import { adjustmentRequests, billingAccounts, ledgerAccounts } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { AdjustmentForm } from "./adjustment-form";
import { debitFloorProblem } from "./adjustment-floor";
import { floorError, postAdjustment, type AdjustmentRequestRow } from "./post-adjustment";

export type AdjustmentOutcome = {
  requestId: bigint;
  status: AdjustmentRequestRow["status"];
  /** The same form posted before (a double submit): nothing new happened. */
  isReplay: boolean;
};

/** What the form asked for, as a digest: the same key with other content is a conflict, not a second adjustment. */
function payloadHash(input: RequestAdjustmentInput): string {
  const canonical = [
    input.accountId,
    input.direction,
    input.amountMicros.toString(),
    input.reason,
    input.note ?? null,
    input.allowFreeze,
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export type RequestAdjustmentInput = Omit<AdjustmentForm, "amount" | "note"> & {
  amountMicros: bigint;
  /** What the customer reads on the statement and in the email; none, no email. */
  note?: string;
};

/** The parsed form as requestAdjustment takes it. */
export function toAdjustmentInput({ amount, ...rest }: AdjustmentForm): RequestAdjustmentInput {
  return { ...rest, amountMicros: amount };
}

/**
 * An operator's manual adjustment (operators only). At or under the two-person limit
 * (`ADJUSTMENT_APPROVAL_LIMIT_CENTS`) it posts at once; above it, it is stored `pending` for another
 * operator (lib/adjustments/decide-adjustment.ts). The form's key is UNIQUE in adjustment_requests and
 * the row, the posting and the audit entry commit together, so a double submit or twenty racing posts of
 * one form make one request and at most one transfer; the same key with other content changes nothing.
 */
export async function requestAdjustment(
  db: Database,
  session: AppSession | null,
  form: RequestAdjustmentInput,
): Promise<AdjustmentOutcome> {
  const admin = requireAdmin(session);
  const hash = payloadHash(form);
  const needsApproval = form.amountMicros > getEnv().adjustmentApprovalLimitMicros;
  const outcome = await runTransaction(db, async (tx) => {
    const [account] = await tx
      .select({ floorMicros: billingAccounts.floorMicros, balanceMicros: ledgerAccounts.balanceMicros })
      .from(billingAccounts)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.billingAccountId, billingAccounts.id))
      .where(eq(billingAccounts.id, form.accountId));
    if (!account) throw new AppError("not_found", { message: "That account does not exist." });
    // Waits for a racing insert of the same key to commit or roll back; then this one does nothing.
    const [created] = await tx
      .insert(adjustmentRequests)
      .values({
        idempotencyKey: form.idempotencyKey,
        payloadHash: hash,
        accountId: form.accountId,
        direction: form.direction,
        amountMicros: form.amountMicros,
        reason: form.reason,
        note: form.note ?? null,
        allowFreeze: form.allowFreeze,
        status: needsApproval ? "pending" : "posted",
        requestedBy: admin.user.id,
      })
      .onConflictDoNothing({ target: adjustmentRequests.idempotencyKey })
      .returning();
    if (!created) {
      const [prior] = await tx
        .select()
        .from(adjustmentRequests)
        .where(eq(adjustmentRequests.idempotencyKey, form.idempotencyKey));
      if (!prior || prior.payloadHash !== hash)
        throw new AppError("idempotency_conflict", {
          message: "This form was already sent with other content. Reload the page to make a new adjustment.",
        });
      return { outcome: { requestId: prior.id, status: prior.status, isReplay: true }, isPosted: false };
    }
    if (needsApproval) {
      // Refused now rather than at approval when it already breaks the floor rule; approval checks again
      // under the ledger lock, since the balance may move while it waits.
      if (form.direction === "debit") {
        const problem = debitFloorProblem({
          balanceMicros: account.balanceMicros ?? 0n,
          amountMicros: form.amountMicros,
          floorMicros: account.floorMicros,
          allowFreeze: form.allowFreeze,
        });
        if (problem) throw floorError(problem, account.floorMicros);
      }
      await recordAudit(tx, {
        session: admin,
        action: "adjustment.request",
        target: `account:${form.accountId}`,
        before: null,
        after: auditView(created),
      });
      return { outcome: { requestId: created.id, status: created.status, isReplay: false }, isPosted: false };
    }
    const posted = await postAdjustment(tx, created);
    const [done] = await tx
      .update(adjustmentRequests)
      .set({ transferId: posted.transferId, decidedAt: sql`now()` })
      .where(eq(adjustmentRequests.id, created.id))
      .returning();
    await recordAudit(tx, {
      session: admin,
      action: "adjustment.post",
      target: `account:${form.accountId}`,
      before: null,
      after: { ...auditView(done!), balanceAfterMicros: posted.balanceAfterMicros },
    });
    return { outcome: { requestId: created.id, status: created.status, isReplay: false }, isPosted: true };
  });
  // The note's email and any standing email the posting owes, sent after the commit (the sweep retries).
  if (outcome.isPosted)
    runAfterResponse("adjustment-emails", () => sendOutboxEmails(db, { accountIds: [form.accountId] }));
  return outcome.outcome;
}

/** An adjustment request as the audit log keeps it (the reason included: the audit log is operators' only). */
export function auditView(row: AdjustmentRequestRow) {
  const { payloadHash: _hash, ...rest } = row;
  return rest;
}
