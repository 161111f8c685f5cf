import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
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
  const result = await db.execute<{ is_user: boolean; is_invited: boolean; accounts: string }>(sql`
    select exists (select 1 from "user" where email = ${email}) as is_user,
      exists (select 1 from invites where email = ${email} and status = 'pending' and expires_at > now()) as is_invited,
      (select count(*) from "user" where role <> 'admin')::text as accounts`);
  const row = result.rows[0];
  if (row?.is_user) return "allowed";
  if (!row?.is_invited && settings.launchMode !== "open") return "not_invited";
  return Number(row?.accounts ?? 0) < settings.accountCap ? "allowed" : "at_capacity";
}
