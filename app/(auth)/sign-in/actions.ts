"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { signIn, signOut } from "@/lib/auth/auth";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { clientIpFrom } from "@/lib/http/client-ip";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { getEnv } from "@/lib/env";
import { emailSchema } from "@/lib/invites/normalize-email";

const signInRequestSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(4_096).optional() });

// Every address lands on the same page: whether a link is mailed is decided after the response.
// A `callbackUrl` (e.g. from the unfreeze link) rides along in the link only when it is a path on this site.
export const requestSignInLinkAction = validatedAction("requestSignInLink", signInRequestSchema, async ({ email, callbackUrl }) => {
  const returnPath = safeReturnPath(callbackUrl, getEnv().appUrl);
  await requestSignInLink({ email, ip: clientIpFrom(await headers()), ...(returnPath ? { returnPath } : {}) });
  redirect("/sign-in/check-email");
});

// Someone already signed in who continues with GitHub is signing in as the GitHub account's person, as
// a magic link does: the session ends first. Left to Auth.js, a signed-in request links the GitHub
// identity to the current user, so it either attached another person's GitHub to this account or, for
// an invited address, created that account and then refused with OAuthAccountNotLinked.
export const signInWithGitHubAction = validatedAction("signInWithGitHub", z.object({}), async () => {
  // signOut also sets Auth.js's callback-URL cookie, which the GitHub callback then follows: /account too.
  if (await getCurrentSession()) await signOut({ redirect: false, redirectTo: "/account" });
  await signIn("github", { redirectTo: "/account" });
});
