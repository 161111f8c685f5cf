import "server-only";
import { and, eq, lte } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { invites, type inviteSources } from "@/lib/db/schema";
import { normalizeEmail } from "./normalize-email";

export const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type CreateInviteOptions = {
  email: string;
  source: (typeof inviteSources)[number];
  createdBy?: string;
  inviteCodeId?: bigint;
  now?: Date;
};

export type Invite = typeof invites.$inferSelect;

/**
 * A pending invite for the email, valid 14 days. Idempotent: if the email already has a live pending
 * invite (the unique partial index allows one), that invite is returned unchanged. A pending invite
 * that has expired is retired first (as `revoked`: it can no longer be used), so it never blocks a new
 * one; racing callers serialise on its row and on the unique index.
 */
export async function createInvite(db: Queryable, options: CreateInviteOptions): Promise<Invite> {
  const email = normalizeEmail(options.email);
  const now = options.now ?? new Date();
  await db
    .update(invites)
    .set({ status: "revoked" })
    .where(and(eq(invites.email, email), eq(invites.status, "pending"), lte(invites.expiresAt, now)));
  const [created] = await db
    .insert(invites)
    .values({
      email,
      source: options.source,
      createdBy: options.createdBy,
      inviteCodeId: options.inviteCodeId,
      expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [pending] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.email, email), eq(invites.status, "pending")));
  if (!pending) throw new Error("invite insert conflicted but no pending invite exists");
  return pending;
}
