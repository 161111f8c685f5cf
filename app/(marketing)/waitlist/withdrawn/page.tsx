import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";

export const metadata: Metadata = { title: "You left the waitlist", robots: { index: false } };

export default function WaitlistWithdrawnPage() {
  return (
    <AuthPanel eyebrow="Waitlist" title="You are off the waitlist" lead="We will not send an invitation to this address. Nothing else is kept about your request.">
      <Link href="/waitlist" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
        Changed your mind? Join again
      </Link>
    </AuthPanel>
  );
}
