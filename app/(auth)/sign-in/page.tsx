import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authErrorCopy } from "@/components/auth/auth-error-messages";
import { AuthPanel } from "@/components/auth/auth-panel";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { requestSignInLinkAction, signInWithGitHubAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "signed-out": "You are signed out.",
  "signed-out-everywhere": "You are signed out on every device.",
};

type SignInPageProps = { searchParams: Promise<{ error?: string; notice?: string; callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { error, notice, callbackUrl } = await searchParams;
  const returnPath = safeReturnPath(callbackUrl, getEnv().appUrl);
  // Someone already signed in needs no new link (and those are limited): straight on to where they were going.
  if (await getCurrentSession()) redirect(returnPath ?? "/account");
  const noticeText = notice !== undefined && Object.hasOwn(notices, notice) ? notices[notice] : undefined;
  const errorCopy = error !== undefined ? authErrorCopy(error) : undefined;
  return (
    <AuthPanel
      eyebrow="Limited preview"
      title="Sign in to Tandem"
      lead="Enter your email and we will send you a link that signs you in. No password to remember."
    >
      {noticeText ? <Notice tone="success">{noticeText}</Notice> : null}
      {errorCopy ? <Notice tone="warn" title={errorCopy.title}>{errorCopy.body}</Notice> : null}
      <SignInForm action={requestSignInLinkAction} {...(returnPath ? { callbackUrl: returnPath } : {})} />
      {getEnv().github ? (
        <ActionButton action={signInWithGitHubAction} label="Continue with GitHub" pendingLabel="Opening GitHub…" />
      ) : null}
      <p className="border-t border-line pt-5 text-sm leading-6 text-ink-soft">
        New accounts are by invitation while Tandem is in preview. Links go to invited addresses and existing
        accounts only.
      </p>
    </AuthPanel>
  );
}
