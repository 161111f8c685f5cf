import "server-only";
import { and, eq } from "drizzle-orm";
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
 * A pending invite for the email, valid 14 days. Idempotent: if the email already has a pending
 * invite (the unique partial index allows one), that invite is returned unchanged.
 */
export async function createInvite(db: Queryable, options: CreateInviteOptions): Promise<Invite> {
  const email = normalizeEmail(options.email);
  const now = options.now ?? new Date();
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
