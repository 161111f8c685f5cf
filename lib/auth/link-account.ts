import "server-only";
import type { AdapterAccount } from "@auth/core/adapters";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { authAccounts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** A sign-in identity (say, GitHub user 1234) and the user it belongs to. */
export type AccountIdentity = Pick<AdapterAccount, "userId" | "provider" | "providerAccountId"> & { type: string };

/**
 * The adapter's `linkAccount` (a GitHub identity attached to its user), also run inside the
 * transaction that creates a user at a first GitHub sign-in (createGitHubUserAtFirstSignIn).
 * Idempotent so racing first sign-ins of one person (a double click) all succeed: the losers' inserts
 * find the winner's link to the same user. A link to another user is refused, never overwritten.
 * Only the identity is kept: we never call GitHub after sign-in, so its access token is not stored.
 */
export async function linkAccount(db: Queryable, account: AccountIdentity): Promise<void> {
  const identity = { userId: account.userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId };
  const inserted = await db.insert(authAccounts).values(identity).onConflictDoNothing().returning({ userId: authAccounts.userId });
  if (inserted.length > 0) return;
  const [existing] = await db
    .select({ userId: authAccounts.userId })
    .from(authAccounts)
    .where(and(eq(authAccounts.provider, account.provider), eq(authAccounts.providerAccountId, account.providerAccountId)));
  if (existing?.userId !== account.userId) {
    throw new AppError("conflict", { message: "This sign-in account is already linked to another user." });
  }
}
