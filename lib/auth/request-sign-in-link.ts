import "server-only";
import { getDb } from "@/lib/db/client";
import { signIn } from "./auth";
import { limitSignInRequests } from "./limit-sign-in-requests";

export type SignInLinkRequester = {
  email: string;
  ip: string;
  /** Where the link lands once followed: a same-origin path (lib/http/safe-return-path.ts); /account by default. */
  returnPath?: string;
};

/**
 * A magic-link request from the sign-in form. Does the same work for every address (the client's rate
 * limit, one stored token, one deferred delivery, which applies the per-address mail cap) and returns
 * nothing, so the caller cannot answer differently for invited, existing and unknown emails, or for an
 * address past its cap, even by mistake. Server actions are CSRF-safe (Next checks their Origin).
 */
export async function requestSignInLink(requester: SignInLinkRequester): Promise<void> {
  await limitSignInRequests(getDb(), { ip: requester.ip });
  await signIn("nodemailer", { email: requester.email, redirect: false, redirectTo: requester.returnPath ?? "/account" });
}
