import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BalanceCard } from "@/components/account/balance-card";
import { ActionButton } from "@/components/ui/action-button";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { getCurrentSession } from "@/lib/auth/get-current-session";
import { SESSION_ABSOLUTE_TIMEOUT_SECONDS, SESSION_IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";
import { getDb } from "@/lib/db/client";
import { signOutAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const DAY_SECONDS = 24 * 60 * 60;

export default async function AccountPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  const summary = await getAccountSummary(getDb(), session);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">Account</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Your account</h1>
      <p className="mt-2 text-ink-soft">
        Signed in as <span className="font-medium text-ink" data-testid="account-email">{summary.email}</span>
        {summary.isOperator ? (
          <Link href="/admin" className="ml-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand hover:text-brand-strong">
            Operator
          </Link>
        ) : null}
      </p>
      <div className="mt-8 space-y-6">
        <BalanceCard billing={summary.billing} />
        {summary.billing ? (
          <Link
            href="/account/billing"
            className="inline-flex rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-strong"
          >
            Add credit and see top-ups
          </Link>
        ) : null}
        <section aria-labelledby="invites-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-paper p-6 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 id="invites-heading" className="text-base font-semibold">Invite others</h2>
            <p className="mt-1 text-sm leading-6 text-ink-soft">Bring a friend into the preview: each account has a few invitations.</p>
          </div>
          <Link
            href="/account/invites"
            className="shrink-0 rounded-lg border border-line px-4 py-2 text-center text-sm font-semibold hover:border-brand hover:text-brand"
          >
            Send invitations
          </Link>
        </section>
        <section aria-labelledby="sessions-heading" className="rounded-2xl border border-line bg-paper p-6">
          <h2 id="sessions-heading" className="text-base font-semibold">Sessions</h2>
          <p className="mt-2 text-sm leading-6 text-ink-soft">
            A sign-in lasts {SESSION_IDLE_TIMEOUT_SECONDS / DAY_SECONDS} days after your last visit, and never more than{" "}
            {SESSION_ABSOLUTE_TIMEOUT_SECONDS / DAY_SECONDS} days. Lost a device? Sign out everywhere ends every session
            of this account, this one included.
          </p>
          <div className="mt-5 flex flex-col gap-3 sm:flex-row">
            <ActionButton action={signOutAction} label="Sign out" pendingLabel="Signing out…" className="sm:w-40" />
            <ActionButton
              action={signOutEverywhereAction}
              label="Sign out everywhere"
              pendingLabel="Signing out…"
              variant="danger"
              className="sm:w-52"
            />
          </div>
        </section>
      </div>
    </div>
  );
}
