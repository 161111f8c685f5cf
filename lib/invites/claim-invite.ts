import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";

export type ClaimInviteOptions = { email: string; userId: string };

/**
 * Marks the email's pending, unexpired invite used by `userId`, inside the caller's transaction (the
 * one creating the user), and returns its id; undefined when there is none. A racing claim waits on
 * the row lock, re-checks `status = 'pending'` once the first commits, and claims nothing.
 */
export async function claimInvite(tx: Transaction, options: ClaimInviteOptions): Promise<bigint | undefined> {
  const [claimed] = await tx
    .update(invites)
    .set({ status: "used", usedAt: sql`now()`, usedBy: options.userId })
    .where(and(eq(invites.email, options.email), eq(invites.status, "pending"), gt(invites.expiresAt, sql`now()`)))
    .returning({ id: invites.id });
  return claimed?.id;
}
