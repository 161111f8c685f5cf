import "server-only";
import type { AdapterUser } from "@auth/core/adapters";
import { eq } from "drizzle-orm";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import type { Database, Transaction } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countCappedAccounts, lockAccountCreation } from "@/lib/invites/account-capacity";
import { claimInvite } from "@/lib/invites/claim-invite";
import { normalizeEmail } from "@/lib/invites/normalize-email";
import { getLogger } from "@/lib/observability/logger";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { toAdapterUser } from "@/lib/session/auth-sessions";

/** What a sign-in knows of a new person: their verified email (from the link or from GitHub) and profile. */
export type NewUserProfile = Pick<AdapterUser, "email" | "emailVerified" | "name" | "image">;

/** The email's user, and whether this transaction created it (false: it existed, or a racer won). */
export type UserFromInvite = { user: AdapterUser; isCreated: boolean };

/**
 * The adapter's `createUser`, run at the first successful sign-in of an email: the user, the invite
 * marked used and the billing account with its welcome grant, in one transaction, so a crash leaves
 * none of them. Exactly once per email: when two links for the same email are followed at the same
 * moment, the loser's insert waits on the unique email until the winner commits, then does nothing,
 * and the loser signs in to the winner's user instead of failing.
 */
export async function createUserFromInvite(db: Database, profile: NewUserProfile): Promise<AdapterUser> {
  return runTransaction(db, async (tx) => (await createUserFromInviteInTransaction(tx, profile)).user);
}

/**
 * The work of `createUserFromInvite` inside the caller's transaction, so the caller can make more true
 * in the same commit (a GitHub sign-in adds the link: see createGitHubUserAtFirstSignIn). Account
 * creation is serialised (lockAccountCreation) so the account cap holds when different emails sign up
 * at the same moment.
 */
export async function createUserFromInviteInTransaction(tx: Transaction, profile: NewUserProfile): Promise<UserFromInvite> {
  const email = normalizeEmail(profile.email);
  await lockAccountCreation(tx);
  const [created] = await tx
    .insert(users)
    .values({ email, name: profile.name ?? null, image: profile.image ?? null, emailVerified: profile.emailVerified })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!created) {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    if (!existing) throw new AppError("conflict", { message: "The account was removed while signing in." });
    return { user: toAdapterUser(existing), isCreated: false };
  }
  const inviteId = await claimInvite(tx, { email, userId: created.id });
  const isOperator = getEnv().adminEmails.includes(email);
  if (!isOperator) {
    const settings = await getLaunchSettings(tx);
    // Reached only if the invite was revoked or expired (or signup closed) after the link was mailed.
    if (inviteId === undefined && settings.launchMode !== "open") {
      throw new AppError("forbidden", { message: "This email has no valid invite." });
    }
    // The count includes the row just inserted; the lock above keeps it exact.
    if ((await countCappedAccounts(tx)) > settings.accountCap) {
      throw new AppError("forbidden", { message: "Tandem is at capacity for new accounts." });
    }
  }
  const accountId = await createBillingAccount(tx, { userId: created.id });
  getLogger().info({ userId: created.id, accountId, inviteId: inviteId?.toString() }, "account created at first sign-in");
  return { user: toAdapterUser(created), isCreated: true };
}
