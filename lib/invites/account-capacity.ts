import "server-only";
import { and, eq, gt, ne, notExists, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/lib/db/client";
import { invites, users } from "@/lib/db/schema";

/** The users that count against the account cap: every user except operators. */
export const cappedUsers = ne(users.role, "admin");

/** Accounts that count against the cap. */
export async function countCappedAccounts(db: Queryable): Promise<number> {
  return db.$count(users, cappedUsers);
}

/**
 * Serialises account creation for the rest of the transaction, so two sign-ups racing for the last
 * place under the cap cannot both see room (a count alone would let both through).
 */
export async function lockAccountCreation(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('account-creation'))`);
}

/**
 * Invitations out that can still become accounts: pending, unexpired, for an email with no account yet.
 * Each may take a place under the cap at its first sign-in, so approvals count them as places promised.
 */
export async function countOutstandingInvites(db: Queryable): Promise<number> {
  return db.$count(
    invites,
    and(
      eq(invites.status, "pending"),
      gt(invites.expiresAt, sql`now()`),
      notExists(db.select({ one: sql`1` }).from(users).where(eq(users.email, invites.email))),
    ),
  );
}
