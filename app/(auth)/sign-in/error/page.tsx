import type { Metadata } from "next";
import { authErrorCopy } from "@/components/auth/auth-error-messages";
import { AuthPanel } from "@/components/auth/auth-panel";
import { SignInForm } from "@/components/auth/sign-in-form";
import { requestSignInLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign-in link" };

type SignInErrorPageProps = { searchParams: Promise<{ error?: string }> };

// Where Auth.js sends a failed sign-in (`pages.error`), most often a used or expired magic link.
export default async function SignInErrorPage({ searchParams }: SignInErrorPageProps) {
  const { error } = await searchParams;
  const copy = authErrorCopy(error);
  return (
    <AuthPanel eyebrow="Sign in" title={copy.title} lead={copy.body}>
      <SignInForm action={requestSignInLinkAction} submitLabel="Email me a new link" />
    </AuthPanel>
  );
}
