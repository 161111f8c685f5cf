import "server-only";
import { asc, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { countPlacesLeft } from "./count-places-left";
import { applyWaitlistDecision, type WaitlistDecision } from "./decide-waitlist-entry";
import type { WaitlistCapacity } from "./describe-capacity-shortfall";

/** A selection is one page of the table at most; more in one transaction would hold the locks too long. */
export const MAX_BULK_DECISIONS = 100;

export type BulkWaitlistDecision = { entryIds: bigint[]; decision: WaitlistDecision["decision"] };

export type BulkWaitlistResult = {
  /** Decided now, oldest entry first. */
  decidedIds: bigint[];
  /** Already decided or withdrawn (or gone): left as they were, so repeating a bulk decision does nothing. */
  unchangedIds: bigint[];
  /** Waiting, but not approved: the cap had no place left for them. */
  overCapacityIds: bigint[];
  /** For approvals: the cap, and the places that were left under it before this decision. */
  capacity?: WaitlistCapacity;
};

/**
 * An operator approves or rejects a selection of waitlist entries at once. Each decision is the single
 * decision's (applyWaitlistDecision: the same invite and outbox email); the whole selection commits with
 * ONE audit entry naming the count and the ids. Entries no longer waiting are skipped, not refused, so a
 * repeated or overlapping bulk decision changes nothing. Approvals stop where the account cap would be
 * exceeded, oldest entries first; the result says which were left waiting and why.
 */
export async function decideWaitlistEntries(db: Database, session: AppSession | null, options: BulkWaitlistDecision): Promise<BulkWaitlistResult> {
  const admin = requireAdmin(session);
  const ids = [...new Set(options.entryIds)];
  if (ids.length === 0) throw new AppError("validation_failed", { message: "Select at least one entry." });
  if (ids.length > MAX_BULK_DECISIONS) {
    throw new AppError("validation_failed", { message: `Select at most ${MAX_BULK_DECISIONS} entries at a time.` });
  }
  const { result, emailIds } = await runTransaction(db, async (tx) => {
    const capacity = options.decision === "approve" ? await countPlacesLeft(tx) : undefined;
    // Locked in id order, so two overlapping bulk decisions cannot deadlock; decided oldest first.
    const locked = await tx.select().from(waitlistEntries).where(inArray(waitlistEntries.id, ids)).orderBy(asc(waitlistEntries.id)).for("update");
    const waiting = locked
      .filter((entry) => entry.status === "waiting")
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const waitingIds = new Set(waiting.map((entry) => entry.id));
    const fitting = capacity ? waiting.slice(0, capacity.placesLeft) : waiting;
    const decided: Array<{ id: bigint; email: string; inviteId?: bigint; emailId?: bigint }> = [];
    for (const entry of fitting) {
      const applied = await applyWaitlistDecision(tx, admin, entry, options.decision);
      decided.push({ id: entry.id, email: entry.email, inviteId: applied.invite?.id, emailId: applied.emailId });
    }
    const result: BulkWaitlistResult = {
      decidedIds: decided.map((entry) => entry.id),
      unchangedIds: ids.filter((id) => !waitingIds.has(id)),
      overCapacityIds: waiting.slice(fitting.length).map((entry) => entry.id),
      capacity,
    };
    if (decided.length > 0) {
      await recordAudit(tx, {
        session: admin,
        action: `waitlist.bulk-${options.decision}`,
        target: "waitlist:bulk",
        before: { status: "waiting" },
        after: {
          status: options.decision === "approve" ? "approved" : "rejected",
          count: decided.length,
          ids: result.decidedIds,
          inviteIds: decided.flatMap((entry) => (entry.inviteId === undefined ? [] : [entry.inviteId])),
          unchangedIds: result.unchangedIds,
          overCapacityIds: result.overCapacityIds,
          capacity,
        },
      });
    }
    return { result, emailIds: decided.flatMap((entry) => (entry.emailId === undefined ? [] : [entry.emailId])) };
  });
  if (emailIds.length > 0) runAfterResponse("invite-emails", () => sendOutboxEmailsNow(db, emailIds));
  return result;
}
