import "server-only";
import { desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/lib/db/client";
import { adjustmentRequests, billingAccounts, users } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type AdjustmentRequestItem = {
  id: bigint;
  accountId: string;
  accountEmail: string | null;
  direction: "credit" | "debit";
  amountMicros: bigint;
  reason: string;
  note: string | null;
  allowFreeze: boolean;
  status: "posted" | "pending" | "approved" | "rejected";
  requestedBy: string;
  requestedByEmail: string | null;
  requestedAt: Date;
  decidedByEmail: string | null;
  decidedAt: Date | null;
};

export type AdjustmentRequestLists = { pending: AdjustmentRequestItem[]; decided: AdjustmentRequestItem[] };

const PENDING_LIMIT = 200;
const DECIDED_LIMIT = 20;

/** The approvals page (operators only): every pending adjustment, oldest first, and the latest decided ones. */
export async function listAdjustmentRequests(
  db: Queryable,
  session: AppSession | null,
): Promise<AdjustmentRequestLists> {
  requireAdmin(session);
  const owner = alias(users, "owner");
  const requester = alias(users, "requester");
  const decider = alias(users, "decider");
  const select = () =>
    db
      .select({
        id: adjustmentRequests.id,
        accountId: adjustmentRequests.accountId,
        accountEmail: owner.email,
        direction: adjustmentRequests.direction,
        amountMicros: adjustmentRequests.amountMicros,
        reason: adjustmentRequests.reason,
        note: adjustmentRequests.note,
        allowFreeze: adjustmentRequests.allowFreeze,
        status: adjustmentRequests.status,
        requestedBy: adjustmentRequests.requestedBy,
        requestedByEmail: requester.email,
        requestedAt: adjustmentRequests.requestedAt,
        decidedByEmail: decider.email,
        decidedAt: adjustmentRequests.decidedAt,
      })
      .from(adjustmentRequests)
      .innerJoin(billingAccounts, eq(billingAccounts.id, adjustmentRequests.accountId))
      .leftJoin(owner, eq(owner.id, billingAccounts.ownerUserId))
      .innerJoin(requester, eq(requester.id, adjustmentRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, adjustmentRequests.decidedBy));
  const [pending, decided] = await Promise.all([
    select()
      .where(eq(adjustmentRequests.status, "pending"))
      .orderBy(adjustmentRequests.requestedAt)
      .limit(PENDING_LIMIT),
    select().where(ne(adjustmentRequests.status, "pending")).orderBy(desc(adjustmentRequests.id)).limit(DECIDED_LIMIT),
  ]);
  return { pending, decided };
}
