import type { FormAction } from "@/lib/actions/action-state";
import { CONFIRM_LINK_DAYS, MAX_BILLING_CONTACTS } from "@/lib/billing-contacts/contact-rules";
import type { BillingContactRow, BillingContactStatus } from "@/lib/billing-contacts/list-billing-contacts";
import { ActionButton } from "@/components/ui/action-button";
import { BillingContactForm } from "./billing-contact-form";
import { formatDateTime } from "./formats";
import { Panel } from "./page-header";

export type BillingContactActions = { add: FormAction; resend: FormAction; remove: FormAction; statement?: FormAction };

// Words first, colour second: the status reads the same without the tint.
const STATUS: Record<BillingContactStatus, { label: string; since: string; className: string }> = {
  waiting: { label: "Waiting for confirmation", since: "Link sent", className: "bg-warn/10 ring-warn/50" },
  expired: { label: "Link expired", since: "Link sent", className: "bg-warn/10 ring-warn/50" },
  confirmed: { label: "Confirmed", since: "Since", className: "bg-accent/10 ring-accent/50" },
  unsubscribed: { label: "Unsubscribed", since: "Since", className: "bg-paper-soft ring-line" },
};

function ContactRow({ contact, actions, timeZone }: { contact: BillingContactRow; actions: BillingContactActions; timeZone: string }) {
  const status = STATUS[contact.status];
  const fields = { contactId: contact.id };
  const canResend = contact.status === "waiting" || contact.status === "expired";
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between" data-testid="billing-contact">
      <div className="min-w-0">
        <p className="font-medium break-all">{contact.email}</p>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-soft">
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold text-ink ring-1 ${status.className}`}>{status.label}</span>
          <span>
            {status.since} {formatDateTime(contact.since, timeZone)}
          </span>
          {contact.status === "confirmed" && contact.monthlyStatement ? <span>Gets the monthly statement</span> : null}
        </p>
      </div>
      <div className="flex shrink-0 flex-col gap-2 sm:flex-row">
        {actions.statement && contact.status === "confirmed" ? (
          <ActionButton
            action={actions.statement}
            fields={{ ...fields, monthlyStatement: contact.monthlyStatement ? "off" : "on" }}
            label={contact.monthlyStatement ? "Stop monthly statement" : "Send monthly statement"}
            pendingLabel="Saving…"
            ariaLabel={`${contact.monthlyStatement ? "Stop monthly statement" : "Send monthly statement"} for ${contact.email}`}
          />
        ) : null}
        {canResend ? (
          <ActionButton action={actions.resend} fields={fields} label="Send the link again" pendingLabel="Sending…" ariaLabel={`Send the link again to ${contact.email}`} />
        ) : null}
        <ActionButton action={actions.remove} fields={fields} label="Remove" pendingLabel="Removing…" variant="danger" ariaLabel={`Remove ${contact.email}`} />
      </div>
    </li>
  );
}

/**
 * Billing contacts on the settings page: up to MAX_BILLING_CONTACTS addresses (the finance person) that
 * get the account's receipts and spend alerts without signing in, each once it confirmed by the link
 * mailed to it, each able to unsubscribe from any of those emails.
 */
export function BillingContactsPanel({ contacts, actions, timeZone }: { contacts: BillingContactRow[]; actions: BillingContactActions; timeZone: string }) {
  const isFull = contacts.length >= MAX_BILLING_CONTACTS;
  return (
    <Panel id="billing-contacts-heading" title="Billing contacts">
      <p className="text-sm leading-6 text-ink-soft">
        Up to {MAX_BILLING_CONTACTS} more addresses that get this account&rsquo;s receipts and spend alerts, without signing in. Each gets a
        link to confirm first (it works for {CONFIRM_LINK_DAYS} days) and nothing else until it does; every email to it has a link to
        unsubscribe.
      </p>
      {contacts.length > 0 ? (
        <ul className="mt-2 divide-y divide-line" aria-label="Billing contacts">
          {contacts.map((contact) => (
            <ContactRow key={contact.id} contact={contact} actions={actions} timeZone={timeZone} />
          ))}
        </ul>
      ) : null}
      <div className="mt-4 border-t border-line pt-4">
        {isFull ? (
          <p className="text-sm text-ink-soft">
            {MAX_BILLING_CONTACTS} of {MAX_BILLING_CONTACTS} contacts: remove one to add another.
          </p>
        ) : (
          <BillingContactForm action={actions.add} />
        )}
      </div>
    </Panel>
  );
}
