import "server-only";
import type { AdapterUser } from "@auth/core/adapters";
import { eq } from "drizzle-orm";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countCappedAccounts, lockAccountCreation } from "@/lib/invites/account-capacity";
import { claimInvite } from "@/lib/invites/claim-invite";
import { normalizeEmail } from "@/lib/invites/normalize-email";
import { getLogger } from "@/lib/observability/logger";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { toAdapterUser } from "./auth-sessions";

/**
 * The adapter's `createUser`, run at the first successful sign-in of an email: the user, the invite
 * marked used and the billing account with its welcome grant, in one transaction, so a crash leaves
 * none of them. Exactly once per email: when two links for the same email are followed at the same
 * moment, the loser's insert waits on the unique email until the winner commits, then does nothing,
 * and the loser signs in to the winner's user instead of failing. Account creation is serialised
 * (lockAccountCreation) so the account cap holds when different emails sign up at the same moment.
 */
export async function createUserFromInvite(db: Database, profile: AdapterUser): Promise<AdapterUser> {
  const email = normalizeEmail(profile.email);
  return runTransaction(db, async (tx) => {
    await lockAccountCreation(tx);
    const [created] = await tx
      .insert(users)
      .values({ email, name: profile.name ?? null, image: profile.image ?? null, emailVerified: profile.emailVerified })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!created) {
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      if (!existing) throw new AppError("conflict", { message: "The account was removed while signing in." });
      return toAdapterUser(existing);
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
    return toAdapterUser(created);
  });
}
