import "server-only";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { selectValues } from "@/lib/db/select-values";
import { getEnv } from "@/lib/env";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { cappedUsers } from "./account-capacity";
import { pendingInviteExists, userWithEmailExists } from "./email-taken";
import { normalizeEmail } from "./normalize-email";

/**
 * `allowed`: may sign in (an existing user, an operator in ADMIN_EMAILS, or a new account with room
 * under the cap: invited, or anyone in `open` mode). `at_capacity`: would be a new account, but the
 * cap is reached. `not_invited`: no account, no invite, and signup is not open.
 */
export type SignInEligibility = "allowed" | "at_capacity" | "not_invited";

/** Never shapes the answer to a sign-in request (no enumeration): asked after the response is sent. */
export async function getSignInEligibility(db: Queryable, rawEmail: string): Promise<SignInEligibility> {
  const email = normalizeEmail(rawEmail);
  if (getEnv().adminEmails.includes(email)) return "allowed";
  const settings = await getLaunchSettings(db);
  const row = await selectValues(db, {
    isUser: userWithEmailExists(db, email),
    isInvited: pendingInviteExists(db, email, { unexpiredOnly: true }),
    accounts: db.$count(users, cappedUsers),
  });
  if (row.isUser) return "allowed";
  if (!row.isInvited && settings.launchMode !== "open") return "not_invited";
  return row.accounts < settings.accountCap ? "allowed" : "at_capacity";
}
