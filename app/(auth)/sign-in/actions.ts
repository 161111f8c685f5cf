"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { signIn, signOut } from "@/lib/auth/auth";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { clientIpFrom } from "@/lib/http/client-ip";
import { emailSchema } from "@/lib/invites/normalize-email";

const signInRequestSchema = z.object({ email: emailSchema });

// Every address lands on the same page: whether a link is mailed is decided after the response.
export const requestSignInLinkAction = validatedAction("requestSignInLink", signInRequestSchema, async ({ email }) => {
  await requestSignInLink({ email, ip: clientIpFrom(await headers()) });
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
