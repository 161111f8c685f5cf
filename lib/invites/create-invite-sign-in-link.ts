import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "@/lib/db/client";
import { verificationTokens } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

export type InviteSignInLinkOptions = { email: string; expires: Date };

/**
 * A magic link for an invitation: an Auth.js verification token (stored the way Auth.js stores its
 * own: SHA-256 of token + AUTH_SECRET) that lives as long as the invite (14 days) rather than 10
 * minutes. Following it is an ordinary email sign-in, so it works once, and the same checks apply
 * (the invite must still be pending, the cap not reached) and the account is created then.
 */
export async function createInviteSignInLink(db: Queryable, options: InviteSignInLinkOptions): Promise<string> {
  const env = getEnv();
  const token = randomBytes(32).toString("hex");
  await db.insert(verificationTokens).values({
    identifier: options.email,
    token: createHash("sha256").update(`${token}${env.authSecret}`).digest("hex"),
    expires: options.expires,
  });
  const query = new URLSearchParams({ callbackUrl: `${env.authUrl}/account`, token, email: options.email });
  return `${env.authUrl}/api/auth/callback/nodemailer?${query}`;
}
