import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";

export type ClaimInviteOptions = { email: string; userId: string };

/**
 * Marks the email's pending, unexpired invite used by `userId`, inside the caller's transaction (the
 * one creating the user), and returns its id; undefined when there is none. A racing claim waits on
 * the row lock, re-checks `status = 'pending'` once the first commits, and claims nothing.
 */
export async function claimInvite(tx: Transaction, options: ClaimInviteOptions): Promise<bigint | undefined> {
  const claimed = await tx.execute<{ id: string }>(sql`
    update invites set status = 'used', used_at = now(), used_by = ${options.userId}
    where email = ${options.email} and status = 'pending' and expires_at > now()
    returning id::text`);
  const id = claimed.rows[0]?.id;
  return id === undefined ? undefined : BigInt(id);
}
