import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ActionButton } from "@/components/ui/action-button";
import { getDb } from "@/lib/db/client";
import { isWithdrawTokenLive } from "@/lib/waitlist/withdraw-from-waitlist";
import { withdrawFromWaitlistAction } from "../actions";

export const metadata: Metadata = { title: "Leave the waitlist", robots: { index: false } };

type WithdrawPageProps = { searchParams: Promise<{ token?: string }> };

// From the link in the confirmation email. Opening it changes nothing (mail scanners open links);
// the button does.
export default async function WithdrawPage({ searchParams }: WithdrawPageProps) {
  const { token } = await searchParams;
  const isLive = typeof token === "string" && token.length <= 100 && (await isWithdrawTokenLive(getDb(), token));
  if (!isLive) {
    return (
      <AuthPanel eyebrow="Waitlist" title="This link no longer works" lead="The request was already withdrawn, or it has been decided.">
        <Link href="/waitlist" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
          Go to the waitlist
        </Link>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel eyebrow="Waitlist" title="Leave the waitlist?" lead="We will not invite this address, and you can join again at any time.">
      <ActionButton action={withdrawFromWaitlistAction} fields={{ token }} label="Leave the waitlist" pendingLabel="Leaving…" variant="danger" />
    </AuthPanel>
  );
}
