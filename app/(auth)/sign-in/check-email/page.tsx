import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/session/session-policy";

export const metadata: Metadata = { title: "Check your email" };

// The same page for every address (invited, existing or unknown), so it cannot say whether mail was
// sent; it says what happens if it was.
export default function CheckEmailPage() {
  return (
    <AuthPanel
      eyebrow="Almost there"
      title="Check your email"
      lead="If this address can sign in to Tandem, a sign-in link is on its way to it."
    >
      <ul className="space-y-3 text-sm leading-6">
        <li className="flex gap-3">
          <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-accent" />
          The link works once, within {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes, in any browser.
        </li>
        <li className="flex gap-3">
          <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-accent" />
          Nothing after a few minutes? Check your spam folder, or the spelling of the address.
        </li>
        <li className="flex gap-3">
          <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-accent" />
          Not invited yet? Accounts are by invitation while Tandem is in preview.
        </li>
      </ul>
      <Link href="/sign-in" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
        Use a different address or send a new link
      </Link>
    </AuthPanel>
  );
}
