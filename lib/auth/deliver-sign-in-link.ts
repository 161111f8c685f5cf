import "server-only";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getEnv } from "@/lib/env";
import { getSignInEligibility } from "@/lib/invites/get-sign-in-eligibility";
import { getLogger } from "@/lib/observability/logger";
import { hashSecret } from "@/lib/security/secret-token";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/session/session-policy";
import { placeOnWaitlistAtCapacity } from "@/lib/waitlist/place-on-waitlist-at-capacity";
import { claimSignInMail } from "./claim-sign-in-mail";
import { deleteExpiredVerificationTokens, deleteVerificationTokensFor } from "./verification-tokens";

export type SignInLinkRequest = { email: string; url: string };

export type DeliveryOutcome = "sent" | "withheld" | "waitlisted" | "capped";

/**
 * Runs after the sign-in response is sent (lib/auth/auth-config.ts defers it), so nothing here can
 * change what or when the requester is answered: decides whether the address may sign in, records the
 * link's email in the outbox and sends it at once if so, and otherwise deletes the token Auth.js stored
 * for it. A would-be new account past the account cap is put on the waitlist and told so by email (only the address's owner reads it, so this
 * reveals nothing to the requester). Past the per-address mail cap (claimSignInMail) nothing is mailed;
 * the token stored for this request stays unmailed and expires. Also prunes expired tokens.
 */
export async function deliverSignInLink(db: Database, request: SignInLinkRequest): Promise<DeliveryOutcome> {
  await deleteExpiredVerificationTokens(db);
  const eligibility = await getSignInEligibility(db, request.email);
  if (eligibility !== "allowed") await deleteVerificationTokensFor(db, request.email);
  if (eligibility === "at_capacity") {
    const mayMail = await claimSignInMail(db, request.email);
    // The waitlist place and the email saying so commit together (the outbox), so an SMTP outage
    // delays the email and the sweep sends it; it is sent at once here, as before, when SMTP is up.
    const emailId = await runTransaction(db, async (tx) => {
      await placeOnWaitlistAtCapacity(tx, request.email);
      if (!mayMail) return undefined;
      return enqueueEmail(tx, {
        to: request.email,
        template: "waitlist-capacity",
        data: {},
        // This sign-in request's: a second delivery of the same request records nothing more.
        key: `waitlist-capacity:${hashSecret(request.url)}`,
      });
    });
    if (emailId === undefined) return capped(request.email);
    await sendOutboxEmails(db, { ids: [emailId] });
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
  // Through the outbox like every email, and sent at once: the person is waiting at "check your email".
  // SMTP down, the sweep sends it once it is back, but only while the link lives (`sendBefore`); after
  // that it is dropped, and the person asks again. The body (a bearer credential Auth.js keeps only
  // hashed) is readable in email_outbox just until SMTP accepts it, as an invitation's is.
  const emailId = await runTransaction(db, (tx) =>
    enqueueEmail(tx, {
      to: request.email,
      template: "magic-link",
      data: { url: request.url },
      key: `magic-link:${hashSecret(request.url)}`,
      sendBefore: new Date(Date.now() + MAGIC_LINK_MAX_AGE_SECONDS * 1000),
    }),
  );
  await sendOutboxEmails(db, { ids: [emailId] });
  return "sent";
}

function capped(email: string): DeliveryOutcome {
  getLogger().info({ email }, "sign-in mail not sent: the address's mail cap for this window is reached");
  return "capped";
}
