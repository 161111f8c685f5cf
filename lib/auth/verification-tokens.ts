import "server-only";
import { eq, lte } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { verificationTokens } from "@/lib/db/schema";

/**
 * Deletes magic-link tokens past their expiry. Auth.js never does (it only refuses them), so this runs
 * after every sign-in request and can be scheduled as a job.
 */
export async function deleteExpiredVerificationTokens(db: Queryable, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(verificationTokens)
    .where(lte(verificationTokens.expires, now))
    .returning({ identifier: verificationTokens.identifier });
  return deleted.length;
}

/**
 * Deletes every token for an address that may not sign in. Auth.js stores a token for each request
 * before we decide not to mail it (deciding earlier would show in the response); none of them can be
 * used, and a revoked invite's earlier links stop working too.
 */
export async function deleteVerificationTokensFor(db: Queryable, email: string): Promise<number> {
  const deleted = await db
    .delete(verificationTokens)
    .where(eq(verificationTokens.identifier, email))
    .returning({ identifier: verificationTokens.identifier });
  return deleted.length;
}
