import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { normalizeEmail } from "./normalize-email";

/**
 * Whether a magic link may be mailed to this address: an existing user, an email with a pending and
 * unexpired invite, or an operator named in ADMIN_EMAILS (so the first operator can get in before
 * anyone can invite). Its answer must never shape the response to a sign-in request (no enumeration):
 * lib/auth asks it only after the response is sent, and again when a mailed link is followed.
 */
export async function canEmailSignIn(db: Queryable, rawEmail: string): Promise<boolean> {
  const email = normalizeEmail(rawEmail);
  if (getEnv().adminEmails.includes(email)) return true;
  const result = await db.execute<{ allowed: boolean }>(sql`
    select exists (select 1 from "user" where email = ${email})
      or exists (select 1 from invites where email = ${email} and status = 'pending' and expires_at > now())
      as allowed`);
  return result.rows[0]?.allowed === true;
}
