"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { clientIpFrom } from "@/lib/http/client-ip";
import { emailSchema } from "@/lib/invites/normalize-email";

const signInRequestSchema = z.object({ email: emailSchema });

// Every address lands on the same page: whether a link is mailed is decided after the response.
export const requestSignInLinkAction = validatedAction("requestSignInLink", signInRequestSchema, async ({ email }) => {
  await requestSignInLink({ email, ip: clientIpFrom(await headers()) });
  redirect("/sign-in/check-email");
});

export const signInWithGitHubAction = validatedAction("signInWithGitHub", z.object({}), async () => {
  await signIn("github", { redirectTo: "/account" });
});
