import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database, Transaction } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { issueInvitation } from "@/lib/invites/issue-invitation";
import type { Invite } from "@/lib/invites/create-invite";
import { countPlacesLeft } from "./count-places-left";
import { describeCapacityShortfall } from "./describe-capacity-shortfall";

export type WaitlistDecision = { entryId: bigint; decision: "approve" | "reject" };

type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;

/** What one decision changed, for the caller's audit entry and for sending its email after the commit. */
export type AppliedWaitlistDecision = { status: "approved" | "rejected"; invite?: Invite; emailId?: bigint };

/**
 * The decision itself, inside the caller's transaction, on an entry the caller has locked and found
 * waiting: the new status, and for an approval the invite and its email in the outbox. The single
 * decision below and the bulk one (decide-waitlist-entries.ts) both go through here, so an approval
 * is the same whichever button made it.
 */
export async function applyWaitlistDecision(
  tx: Transaction,
  admin: AppSession,
  entry: Pick<WaitlistEntryRow, "id" | "email">,
  decision: WaitlistDecision["decision"],
): Promise<AppliedWaitlistDecision> {
  const status = decision === "approve" ? "approved" : "rejected";
  await tx
    .update(waitlistEntries)
    .set({ status, decidedBy: admin.user.id, decidedAt: sql`now()`, withdrawTokenHash: null })
    .where(eq(waitlistEntries.id, entry.id));
  if (decision !== "approve") return { status };
  const invitation = await issueInvitation(tx, { email: entry.email, source: "waitlist", createdBy: admin.user.id });
  return { status, invite: invitation.invite, emailId: invitation.emailId };
}

/**
 * An operator approves (an invite valid 14 days, mailed with its single-use sign-in link once the
 * transaction commits) or rejects (no email) a waiting entry. The decision, the invite, its email in the
 * outbox and the audit entry commit together, so an SMTP outage delays the invitation but never loses
 * it; deciding an entry twice is a conflict. An approval with no place left under the account cap is a
 * `conflict` too, in the bulk decision's words, counted under the same account-creation lock.
 */
export async function decideWaitlistEntry(db: Database, session: AppSession | null, options: WaitlistDecision): Promise<void> {
  const admin = requireAdmin(session);
  const emailId = await runTransaction(db, async (tx): Promise<bigint | undefined> => {
    // Counted first, as the bulk approval does: the account-creation lock comes before the entry's.
    const capacity = options.decision === "approve" ? await countPlacesLeft(tx) : undefined;
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, options.entryId)).for("update");
    if (!entry) throw new AppError("not_found", { message: "That waitlist entry does not exist." });
    if (entry.status !== "waiting") throw new AppError("conflict", { message: `That entry was already ${entry.status}.` });
    if (capacity && capacity.placesLeft === 0) {
      throw new AppError("conflict", {
        // Word for word what the bulk approval answers for one entry at a full cap.
        message: `Approved nobody. ${describeCapacityShortfall(1, capacity)}`,
        details: { account_cap: capacity.accountCap, places_left: capacity.placesLeft },
      });
    }
    const applied = await applyWaitlistDecision(tx, admin, entry, options.decision);
    await recordAudit(tx, {
      session: admin,
      action: `waitlist.${options.decision}`,
      target: `waitlist:${entry.id}`,
      before: { email: entry.email, status: entry.status },
      after: { email: entry.email, status: applied.status, inviteId: applied.invite?.id, inviteExpiresAt: applied.invite?.expiresAt },
    });
    return applied.emailId;
  });
  if (emailId !== undefined) runAfterResponse("invite-email", () => sendOutboxEmailsNow(db, [emailId]));
}
