import type { Metadata } from "next";
import Link from "next/link";
import { CostSeriesPanel } from "@/components/account/cost-series-panel";
import { DashboardNotices } from "@/components/account/dashboard-notices";
import { SpendAlertNotices } from "@/components/account/spend-alert-notices";
import { PausedSpacesNotice } from "@/components/account/paused-spaces-notice";
import { AccountPage, buttonClass, PageHeader } from "@/components/account/page-header";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { SpendPanel } from "@/components/account/spend-panel";
import { StandingPanel } from "@/components/account/standing-panel";
import { NoBillingAccount } from "@/components/account/no-billing-account";
import { WelcomePanel } from "@/components/account/welcome-panel";
import { getDashboard } from "@/lib/account/get-dashboard";
import { getPaymentAttention } from "@/lib/account/get-payment-attention";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { getWelcome } from "@/lib/account/get-welcome";
import { getEnv } from "@/lib/env";
import { getPageTimeZone } from "../page-time-zone";
import { signOutAction, signOutEverywhereAction } from "../actions";
import { dismissWelcomeAction } from "./actions";
import { dismissSpendAlertAction } from "./actions";
import { requireAccountPage } from "../require-account-page";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountDashboardPage() {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  // Independent reads side by side; getDashboard finds the same account (read once per request).
  const [dashboard, payment, zone, welcome] = account
    ? await Promise.all([
        getDashboard(db, session),
        getPaymentAttention(db, account.accountId),
        getPageTimeZone(db, session),
        getWelcome(db, account),
      ])
    : [null, null, null, null];
  const timeZone = zone?.timeZone ?? "UTC";
  return (
    <AccountPage>
      {zone ? <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} /> : null}
      <PageHeader
        title="Your account"
        description={
          <>
            Signed in as{" "}
            <span className="text-ink font-medium" data-testid="account-email">
              {session.user.email}
            </span>
            {isOperator ? (
              <Link
                href="/admin"
                className="bg-brand-soft text-brand hover:text-brand-strong ml-2 rounded-full px-2 py-0.5 text-xs font-semibold"
              >
                Operator
              </Link>
            ) : null}
          </>
        }
        actions={
          dashboard ? (
            <Link href="/account/billing" className={buttonClass.primary}>
              Add credit and see top-ups
            </Link>
          ) : null
        }
      />
      <div className="mt-8 space-y-6">
        {dashboard ? (
          <>
            <DashboardNotices account={dashboard.account} payment={payment} />
            <PausedSpacesNotice db={db} session={session} />
            <SpendAlertNotices db={db} accountId={dashboard.account.accountId} dismiss={dismissSpendAlertAction} />
            {welcome ? <WelcomePanel welcome={welcome} docsUrl={getEnv().docsUrl} dismiss={dismissWelcomeAction} /> : null}
            <StandingPanel account={dashboard.account} timeZone={timeZone} />
            <SpendPanel dashboard={dashboard} />
            <div className="grid gap-6 lg:grid-cols-2">
              <CostSeriesPanel
                id="last-24h-heading"
                title="Last 24 hours"
                points={dashboard.last24Hours}
                granularity="hour"
                timeZone={timeZone}
              />
              <CostSeriesPanel
                id="last-30d-heading"
                title="Last 30 days"
                points={dashboard.last30Days}
                granularity="day"
                timeZone={timeZone}
              />
            </div>
          </>
        ) : (
          <NoBillingAccount isOperator={isOperator} />
        )}
        <section
          aria-labelledby="invites-heading"
          className="border-line bg-paper flex flex-col gap-4 rounded-2xl border p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6"
        >
          <div>
            <h2 id="invites-heading" className="text-base font-semibold">
              Invite others
            </h2>
            <p className="text-ink-soft mt-1 text-sm leading-6">
              Bring a friend into the preview: each account has a few invitations.
            </p>
          </div>
          <Link href="/account/invites" className={`${buttonClass.secondary} shrink-0`}>
            Send invitations
          </Link>
        </section>
        <SessionsPanel signOut={signOutAction} signOutEverywhere={signOutEverywhereAction} />
      </div>
    </AccountPage>
  );
}
