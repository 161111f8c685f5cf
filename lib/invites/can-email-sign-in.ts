import "server-only";
import type { Queryable } from "@/lib/db/client";
import { getSignInEligibility } from "./get-sign-in-eligibility";

/**
 * Whether a magic link may be mailed to this address: an existing user, an operator named in
 * ADMIN_EMAILS (so the first operator can get in before anyone can invite), or a new account with room
 * under the cap (a pending, unexpired invite, or anyone while signup is `open`). Its answer must never
 * shape the response to a sign-in request (no enumeration): lib/auth asks it only after the response
 * is sent, and again when a mailed link is followed.
 */
export async function canEmailSignIn(db: Queryable, rawEmail: string): Promise<boolean> {
  return (await getSignInEligibility(db, rawEmail)) === "allowed";
}
