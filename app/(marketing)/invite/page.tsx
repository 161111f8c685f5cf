import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { RedeemCodeForm } from "@/components/invites/redeem-code-form";
import { redeemInviteCodeAction } from "./actions";

export const metadata: Metadata = {
  title: "Redeem an invite code",
  description: "Have a Tandem invite code? Redeem it with your email and your invitation arrives by mail, with $5 of credit.",
  alternates: { canonical: "/invite" },
};

export default function RedeemInvitePage() {
  return (
    <div className="bg-paper-soft">
      <AuthPanel
        eyebrow="Invite code"
        title="Redeem an invite code"
        lead="Got a code from the Tandem team or at an event? Enter it with your email and we will send your invitation there."
      >
        <RedeemCodeForm action={redeemInviteCodeAction} />
        <p className="border-t border-line pt-5 text-sm leading-6 text-ink-soft">
          No code?{" "}
          <Link href="/waitlist" className="font-semibold text-brand hover:text-brand-strong">
            Join the waitlist
          </Link>{" "}
          instead.
        </p>
      </AuthPanel>
    </div>
  );
}
