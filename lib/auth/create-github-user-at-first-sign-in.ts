import "server-only";
import { and, eq, exists, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { authAccounts } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { selectValues } from "@/lib/db/select-values";
import { userWithEmailExists } from "@/lib/invites/email-taken";
import { normalizeEmail } from "@/lib/invites/normalize-email";
import { createUserFromInviteInTransaction, type NewUserProfile } from "./create-user-from-invite";
import { linkAccount, type AccountIdentity } from "./link-account";

export type GitHubFirstSignInOptions = { profile: NewUserProfile; identity: Omit<AccountIdentity, "userId"> };

/**
 * A first GitHub sign-in of an eligible person: creates the account from the invite (as the adapter's
 * `createUser` does) and links the GitHub identity to it in the same transaction, so no request can
 * see the user without its link. Left to Auth.js, `createUser` and `linkAccount` commit separately, and
 * a racing sign-in of the same person (a double click) that ran between them found the user by email
 * but not by identity, and was refused with OAuthAccountNotLinked. Now the racer waits on the
 * account-creation lock, finds the user (not created by it, so it links nothing), and Auth.js finds
 * the user by the identity and signs it in.
 *
 * Does nothing when the identity is already linked (a returning person; Auth.js then passes the signIn
 * callback the linked user, whose email exists, but this does not rest on that) or a user already has
 * the email without the link (say, one who signed up by magic link): Auth.js decides those exactly as
 * before, and refuses to attach GitHub to an email account on its own.
 */
export async function createGitHubUserAtFirstSignIn(db: Database, options: GitHubFirstSignInOptions): Promise<void> {
  if (await isKnownSignIn(db, options)) return;
  await runTransaction(db, async (tx) => {
    const { user, isCreated } = await createUserFromInviteInTransaction(tx, options.profile);
    if (isCreated) await linkAccount(tx, { ...options.identity, userId: user.id });
  });
}

async function isKnownSignIn(db: Database, { profile, identity }: GitHubFirstSignInOptions): Promise<boolean> {
  const isLinked = exists(
    db
      .select({ one: sql`1` })
      .from(authAccounts)
      .where(and(eq(authAccounts.provider, identity.provider), eq(authAccounts.providerAccountId, identity.providerAccountId))),
  );
  const { isKnown } = await selectValues(db, { isKnown: sql`${userWithEmailExists(db, normalizeEmail(profile.email))} or ${isLinked}`.mapWith(Boolean) });
  return isKnown;
}
