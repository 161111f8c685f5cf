import "server-only";
import type { Database } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { canEmailSignIn } from "@/lib/invites/can-email-sign-in";
import { getLogger } from "@/lib/observability/logger";
import { renderSignInEmail } from "./sign-in-email";
import { deleteExpiredVerificationTokens, deleteVerificationTokensFor } from "./verification-tokens";

export type SignInLinkRequest = { email: string; url: string };

export type DeliveryOutcome = "sent" | "withheld";

/**
 * Runs after the sign-in response is sent (lib/auth/auth-config.ts defers it), so nothing here can
 * change what or when the requester is answered: decides whether the address may sign in, mails the
 * link if so, and otherwise deletes the token Auth.js stored for it. Also prunes expired tokens.
 */
export async function deliverSignInLink(db: Database, request: SignInLinkRequest): Promise<DeliveryOutcome> {
  await deleteExpiredVerificationTokens(db);
  if (!(await canEmailSignIn(db, request.email))) {
    await deleteVerificationTokensFor(db, request.email);
    getLogger().info({ email: request.email }, "sign-in link withheld: no account and no valid invite");
    return "withheld";
  }
  // Auth.js builds the link from AUTH_URL (set for it in auth-config.ts); refuse anything else rather
  // than mail a link to a host taken from a request header.
  if (new URL(request.url).origin !== new URL(getEnv().authUrl).origin) {
    throw new Error("refusing to mail a sign-in link that is not on AUTH_URL");
  }
  await sendEmail(renderSignInEmail({ to: request.email, url: request.url }));
  return "sent";
}
