import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";

export const metadata: Metadata = { title: "Invitation sent", robots: { index: false } };

// The same page whether the address was new, already invited or already signed up: it says nothing more.
export default function InviteSentPage() {
  return (
    <div className="bg-paper-soft">
      <AuthPanel eyebrow="Invite code" title="Check your email" lead="The code worked. Your invitation is on its way, with a link that creates your account and signs you in.">
        <p className="text-sm leading-6 text-ink-soft">Already have an account with this address? Just sign in.</p>
        <Link href="/sign-in" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
          Go to sign in
        </Link>
      </AuthPanel>
    </div>
  );
}
