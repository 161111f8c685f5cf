import "server-only";
import type { Database } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { getSignInEligibility } from "@/lib/invites/get-sign-in-eligibility";
import { getLogger } from "@/lib/observability/logger";
import { placeOnWaitlistAtCapacity } from "@/lib/waitlist/place-on-waitlist-at-capacity";
import { renderCapacityEmail } from "@/lib/waitlist/waitlist-emails";
import { claimSignInMail } from "./claim-sign-in-mail";
import { renderSignInEmail } from "./sign-in-email";
import { deleteExpiredVerificationTokens, deleteVerificationTokensFor } from "./verification-tokens";

export type SignInLinkRequest = { email: string; url: string };

export type DeliveryOutcome = "sent" | "withheld" | "waitlisted" | "capped";

/**
 * Runs after the sign-in response is sent (lib/auth/auth-config.ts defers it), so nothing here can
 * change what or when the requester is answered: decides whether the address may sign in, mails the
 * link if so, and otherwise deletes the token Auth.js stored for it. A would-be new account past the
 * account cap is put on the waitlist and told so by email (only the address's owner reads it, so this
 * reveals nothing to the requester). Past the per-address mail cap (claimSignInMail) nothing is mailed;
 * the token stored for this request stays unmailed and expires. Also prunes expired tokens.
 */
export async function deliverSignInLink(db: Database, request: SignInLinkRequest): Promise<DeliveryOutcome> {
  await deleteExpiredVerificationTokens(db);
  const eligibility = await getSignInEligibility(db, request.email);
  if (eligibility !== "allowed") await deleteVerificationTokensFor(db, request.email);
  if (eligibility === "at_capacity") {
    await placeOnWaitlistAtCapacity(db, request.email);
    if (!(await claimSignInMail(db, request.email))) return capped(request.email);
    await sendEmail(renderCapacityEmail({ to: request.email }));
    getLogger().info({ email: request.email }, "sign-in link withheld: account cap reached; put on the waitlist");
    return "waitlisted";
  }
  if (eligibility === "not_invited") {
    getLogger().info({ email: request.email }, "sign-in link withheld: no account and no valid invite");
    return "withheld";
  }
  // Auth.js builds the link from AUTH_URL (set for it in auth-config.ts); refuse anything else rather
  // than mail a link to a host taken from a request header.
  if (new URL(request.url).origin !== new URL(getEnv().authUrl).origin) {
    throw new Error("refusing to mail a sign-in link that is not on AUTH_URL");
  }
  if (!(await claimSignInMail(db, request.email))) return capped(request.email);
  await sendEmail(renderSignInEmail({ to: request.email, url: request.url }));
  return "sent";
}

function capped(email: string): DeliveryOutcome {
  getLogger().info({ email }, "sign-in mail not sent: the address's mail cap for this window is reached");
  return "capped";
}
