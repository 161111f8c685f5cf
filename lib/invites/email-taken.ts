import "server-only";
import { and, eq, exists, gt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { invites, users } from "@/lib/db/schema";

/** `exists`: an account has this (normalised) email. */
export function userWithEmailExists(db: Queryable, email: string): SQL<boolean> {
  return exists(db.select({ one: sql`1` }).from(users).where(eq(users.email, email))).mapWith(Boolean);
}

/**
 * `exists`: a pending invite for this email; with `unexpiredOnly`, one that can still be used. Without
 * it an expired pending invite counts too: it still holds the email's one pending place (the unique
 * index `invites_one_pending_per_email_idx`).
 */
export function pendingInviteExists(db: Queryable, email: string, options: { unexpiredOnly: boolean }): SQL<boolean> {
  const live = options.unexpiredOnly ? gt(invites.expiresAt, sql`now()`) : undefined;
  return exists(
    db
      .select({ one: sql`1` })
      .from(invites)
      .where(and(eq(invites.email, email), eq(invites.status, "pending"), live)),
  ).mapWith(Boolean);
}
