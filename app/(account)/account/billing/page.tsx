import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { BalanceCard } from "@/components/account/balance-card";
import { AccountPage, PageHeader } from "@/components/account/page-header";
import { AutoRechargePanel } from "@/components/billing/auto-recharge-panel";
import { TopUpForm } from "@/components/billing/top-up-form";
import { TopUpHistory } from "@/components/billing/top-up-history";
import { InvoiceList } from "@/components/billing/invoice-list";
import { invoiceCursorSchema, listInvoices } from "@/lib/account/list-invoices";
import { BillingDetailsPanel } from "@/components/billing/billing-details-panel";
import { getBillingDetails } from "@/lib/billing-details/get-billing-details";
import { Notice } from "@/components/ui/notice";
import { getBillingOverview } from "@/lib/account/get-billing-overview";
import { confirmCardSetupOnReturn } from "@/lib/payments/saved-card";
import { createTopUpAction, openPortalAction, resumeAutoRechargeAction, saveAutoRechargeAction, saveCardAction } from "./actions";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { getPageTimeZone } from "../page-time-zone";
import { requireAccountPage } from "../require-account-page";
import { saveBillingDetailsAction } from "./actions";

const panelActions = { saveCard: saveCardAction, openPortal: openPortalAction, save: saveAutoRechargeAction, resume: resumeAutoRechargeAction };

export const metadata: Metadata = { title: "Billing" };

type Search = { checkout?: string; card_session?: string; invoices_before?: string };

export default async function BillingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { session, db } = await requireAccountPage();
  const { checkout, card_session: cardSession, invoices_before: invoicesBefore } = await searchParams;
  // Back from saving a card on Stripe's page: make it the default now (the webhook does the same, once).
  const cardSaved = cardSession ? await confirmCardSetupOnReturn(db, session.user.id, cardSession) : undefined;
  const billingDetails = getBillingDetails(db, session); // one Stripe read (short timeout), beside the rest
  const [{ billing, topUps, autoRecharge, recharges, card }, zone] = await Promise.all([getBillingOverview(db, session), getPageTimeZone(db, session)]);
  const before = invoiceCursorSchema.safeParse(invoicesBefore).data;
  const invoices = billing ? await listInvoices(db, billing.accountId, { before }) : null;
  return (
    <AccountPage>
      <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} />
      <PageHeader title="Billing" description="Prepay for usage by card. Credit is added the moment your payment goes through." />
      <div className="mt-8 space-y-6">
        {checkout === "canceled" ? (
          <Notice title="Payment canceled">Nothing was charged. Pick an amount to try again.</Notice>
        ) : null}
        {cardSaved === true ? <Notice tone="success" title="Card saved">Auto-recharge will charge this card.</Notice> : null}
        {cardSaved === false ? <Notice tone="warn" title="No card was saved">Stripe did not confirm a card. Try again.</Notice> : null}
        <BalanceCard billing={billing} timeZone={zone.timeZone} />
        {billing ? (
          <section aria-labelledby="top-up-heading" className="rounded-2xl border border-line bg-paper p-6">
            <h2 id="top-up-heading" className="text-base font-semibold">Add credit</h2>
            <div className="mt-4">
              <TopUpForm action={createTopUpAction} attemptId={randomUUID()} />
            </div>
          </section>
        ) : null}
        {billing ? <AutoRechargePanel state={autoRecharge} card={card} recharges={recharges} actions={panelActions} timeZone={zone.timeZone} /> : null}
        {invoices ? <InvoiceList page={invoices} timeZone={zone.timeZone} olderHref={invoices.nextCursor ? `/account/billing?invoices_before=${invoices.nextCursor}#invoices` : null} newestHref={before ? "/account/billing#invoices" : null} /> : null}
        {billing ? <TopUpHistory topUps={topUps} timeZone={zone.timeZone} /> : null}
        {billing ? <BillingDetailsPanel details={await billingDetails} action={saveBillingDetailsAction} /> : null}
      </div>
    </AccountPage>
  );
}
