import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { issueInvitation } from "@/lib/invites/issue-invitation";

export type WaitlistDecision = { entryId: bigint; decision: "approve" | "reject" };

/**
 * An operator approves (an invite valid 14 days, mailed with its single-use sign-in link once the
 * transaction commits) or rejects (no email) a waiting entry. The decision, the invite, its email in the
 * outbox and the audit entry commit together, so an SMTP outage delays the invitation but never loses
 * it; deciding an entry twice is a conflict.
 */
export async function decideWaitlistEntry(db: Database, session: AppSession | null, options: WaitlistDecision): Promise<void> {
  const admin = requireAdmin(session);
  const emailId = await runTransaction(db, async (tx): Promise<bigint | undefined> => {
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, options.entryId)).for("update");
    if (!entry) throw new AppError("not_found", { message: "That waitlist entry does not exist." });
    if (entry.status !== "waiting") throw new AppError("conflict", { message: `That entry was already ${entry.status}.` });
    const status = options.decision === "approve" ? "approved" : "rejected";
    await tx
      .update(waitlistEntries)
      .set({ status, decidedBy: admin.user.id, decidedAt: sql`now()`, withdrawTokenHash: null })
      .where(eq(waitlistEntries.id, entry.id));
    const invitation =
      options.decision === "approve"
        ? await issueInvitation(tx, { email: entry.email, source: "waitlist", createdBy: admin.user.id })
        : undefined;
    await recordAudit(tx, {
      session: admin,
      action: `waitlist.${options.decision}`,
      target: `waitlist:${entry.id}`,
      before: { email: entry.email, status: entry.status },
      after: { email: entry.email, status, inviteId: invitation?.invite.id, inviteExpiresAt: invitation?.invite.expiresAt },
    });
    return invitation?.emailId;
  });
  if (emailId !== undefined) runAfterResponse("invite-email", () => sendOutboxEmailsNow(db, [emailId]));
}
