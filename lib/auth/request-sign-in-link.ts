import "server-only";
import { getDb } from "@/lib/db/client";
import { signIn } from "./auth";
import { limitSignInRequests } from "./limit-sign-in-requests";

export type SignInLinkRequester = { email: string; ip: string };

/**
 * A magic-link request from the sign-in form. Does the same work for every address (rate limits, one
 * stored token, one deferred delivery) and returns nothing, so the caller cannot answer differently
 * for invited, existing and unknown emails even by mistake.
 */
export async function requestSignInLink(requester: SignInLinkRequester): Promise<void> {
  await limitSignInRequests(getDb(), requester);
  await signIn("nodemailer", { email: requester.email, redirect: false, redirectTo: "/account" });
}
