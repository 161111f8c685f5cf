import type { Metadata } from "next";
import Link from "next/link";
import { BillingContactsPanel } from "@/components/account/billing-contacts-panel";
import { ApiKeysPanel } from "@/components/account/api-keys-panel";
import { CloseAccountPanel } from "@/components/account/close-account-panel";
import { listBillingContacts } from "@/lib/billing-contacts/list-billing-contacts";
import { addBillingContactAction, removeBillingContactAction, resendConfirmationLinkAction } from "./billing-contacts-actions";
import { AccountPage, buttonClass, PageHeader, Panel } from "@/components/account/page-header";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { SettingsForm } from "@/components/account/settings-form";
import { SpendAlertSettings } from "@/components/account/spend-alert-settings";
import { FormField } from "@/components/ui/form-field";
import { getAccountSettings } from "@/lib/account/get-settings";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { TimeZoneField } from "@/components/account/time-zone-field";
import { formatCents } from "@/lib/format/money";
import { getPageTimeZone } from "../page-time-zone";
import { signOutAction, signOutEverywhereAction } from "../actions";
import { closeAccountAction, updateAlertsAction, updateNameAction, updateThresholdAction, updateTimeZoneAction } from "./actions";
import { updateSpendAlertsAction } from "./actions";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { requireAccountPage } from "../require-account-page";
import { createApiKeyAction, revokeApiKeyAction } from "./api-key-actions";
import { MonthlyStatementSettings } from "@/components/account/monthly-statement-settings";
import { getStatementChoice } from "@/lib/monthly-statements/statement-choices";
import { updateContactStatementAction, updateStatementChoiceAction } from "./statement-actions";

export const metadata: Metadata = { title: "Settings" };

const ALERTS = [
  { name: "lowBalance", label: "Low balance", hint: "When the balance falls to your alert amount." },
  { name: "ranOut", label: "Credit ran out", hint: "When the balance reaches zero and apps run on overdraft." },
  { name: "recovered", label: "Back in good standing", hint: "When credit lifts the account back up." },
] as const;

export default async function SettingsPage() {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  const [settings, zone] = await Promise.all([getAccountSettings(db, session), getPageTimeZone(db, session)]);
  const threshold = formatCents(settings.account.lowThresholdMicros).replace(/[$,]/g, "");
  return (
    <AccountPage>
      <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} />
      <PageHeader title="Settings" description={`Signed in as ${settings.email}.`} />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Panel id="name-heading" title="Your name">
          <SettingsForm action={updateNameAction} label="Save name" pendingLabel="Saving…">
            <FormField
              name="name"
              label="Name"
              hint="Used in emails; leave empty for none."
              defaultValue={settings.name}
              autoComplete="name"
              maxLength={80}
            />
          </SettingsForm>
        </Panel>
        <Panel id="threshold-heading" title="Low-balance alert">
          <SettingsForm action={updateThresholdAction} label="Save alert amount" pendingLabel="Saving…">
            <FormField
              name="threshold"
              label="Alert me at (US dollars)"
              hint={`Standing turns “low” at or below this amount. Now ${formatCents(settings.account.lowThresholdMicros)}; changing it re-checks your standing at once.`}
              defaultValue={threshold}
              inputMode="decimal"
              required
            />
          </SettingsForm>
        </Panel>
        <Panel id="time-zone-heading" title="Time zone">
          <SettingsForm action={updateTimeZoneAction} label="Save time zone" pendingLabel="Saving…">
            <TimeZoneField timeZone={zone.timeZone} isChosen={zone.isChosen} />
          </SettingsForm>
        </Panel>
        <Panel id="alerts-heading" title="Alert emails">
          <SettingsForm action={updateAlertsAction} label="Save email choices" pendingLabel="Saving…">
            <fieldset className="space-y-3">
              <legend className="text-ink-soft text-sm">
                Which standing emails to get. The email that says your apps are frozen is always sent.
              </legend>
              {ALERTS.map((alert) => (
                <label key={alert.name} className="flex items-start gap-3 text-sm">
                  <input
                    type="checkbox"
                    name={alert.name}
                    defaultChecked={settings.alerts[alert.name]}
                    className="accent-brand mt-1 h-4 w-4"
                  />
                  <span>
                    <span className="font-medium">{alert.label}</span>
                    <span className="text-ink-soft block">{alert.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </SettingsForm>
        </Panel>
        <SpendAlertSettings choices={settings.spendAlerts} action={updateSpendAlertsAction} />
        <MonthlyStatementSettings isOn={await getStatementChoice(db, account.accountId)} action={updateStatementChoiceAction} />
        <Panel id="invite-heading" title="Invitations">
          <p className="text-ink-soft text-sm leading-6">
            Bring a friend into the preview: each account has a few invitations to hand out.
          </p>
          <Link href="/account/invites" className={`${buttonClass.secondary} mt-4`}>
            Hand out invitations
          </Link>
        </Panel>
        <div className="min-w-0 lg:col-span-2">
          <ApiKeysPanel db={db} session={session} accountId={account.accountId} timeZone={zone.timeZone} create={createApiKeyAction} revoke={revokeApiKeyAction} />
        </div>
        <div className="lg:col-span-2">
          <BillingContactsPanel contacts={await listBillingContacts(db, session)} actions={{ add: addBillingContactAction, resend: resendConfirmationLinkAction, remove: removeBillingContactAction, statement: updateContactStatementAction }} timeZone={zone.timeZone} />
        </div>
        <div className="lg:col-span-2">
          <SessionsPanel signOut={signOutAction} signOutEverywhere={signOutEverywhereAction} />
        </div>
        <div className="lg:col-span-2">
          <CloseAccountPanel action={closeAccountAction} balanceMicros={settings.account.balanceMicros} />
        </div>
      </div>
    </AccountPage>
  );
}
