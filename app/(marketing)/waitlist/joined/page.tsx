import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";

export const metadata: Metadata = { title: "You are on the list", robots: { index: false } };

// One answer for every join (first, repeated, or an address with an account), so it reveals nothing.
export default function WaitlistJoinedPage() {
  return (
    <AuthPanel
      eyebrow="Waitlist"
      title="Thanks, you are on the list"
      lead="If this address was not on the waitlist yet, a confirmation is on its way to it, with a link to leave the list whenever you like."
    >
      <p className="text-sm leading-6 text-ink-soft">
        We invite builders a few at a time. Your invitation will come to the same address, with $5 of credit to start.
      </p>
      <Link href="/" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
        Back to the home page
      </Link>
    </AuthPanel>
  );
}
