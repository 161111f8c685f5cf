import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database, Queryable } from "@/lib/db/client";
import { invites, users, verificationTokens } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";

export type PendingInvite = {
  id: bigint;
  email: string;
  source: (typeof invites.$inferSelect)["source"];
  invitedBy: string | null;
  expiresAt: Date;
  isExpired: boolean;
  createdAt: Date;
};

/** Invites not yet used or revoked, soonest to expire first (operators only). */
export async function listPendingInvites(db: Queryable, session: AppSession | null): Promise<PendingInvite[]> {
  requireAdmin(session);
  return db
    .select({
      id: invites.id,
      email: invites.email,
      source: invites.source,
      invitedBy: users.email,
      expiresAt: invites.expiresAt,
      isExpired: sql<boolean>`${invites.expiresAt} <= now()`,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.status, "pending"))
    .orderBy(asc(invites.expiresAt))
    .limit(500);
}

/**
 * Withdraws a pending invite (operators only): its mailed link stops working at once, because the
 * email's unused sign-in tokens are deleted in the same transaction (it has no account yet).
 */
export async function revokeInvite(db: Database, session: AppSession | null, inviteId: bigint): Promise<void> {
  const admin = requireAdmin(session);
  await runTransaction(db, async (tx) => {
    const [revoked] = await tx
      .update(invites)
      .set({ status: "revoked" })
      .where(and(eq(invites.id, inviteId), eq(invites.status, "pending")))
      .returning({ id: invites.id, email: invites.email, source: invites.source, expiresAt: invites.expiresAt });
    if (!revoked) throw new AppError("not_found", { message: "That invite does not exist or is no longer pending." });
    await tx
      .delete(verificationTokens)
      .where(and(eq(verificationTokens.identifier, revoked.email), sql`not exists (select 1 from "user" where email = ${revoked.email})`));
    await recordAudit(tx, {
      session: admin,
      action: "invite.revoke",
      target: `invite:${inviteId}`,
      before: { ...revoked, status: "pending" },
      after: { ...revoked, status: "revoked" },
    });
  });
}
