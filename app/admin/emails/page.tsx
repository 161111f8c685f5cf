import { AdminPage } from "@/components/admin/admin-page";
import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { FormMessage } from "@/components/ui/form-message";
import { listUndeliveredEmails, type UndeliveredEmail } from "@/lib/admin/list-undelivered-emails";
import { getDb } from "@/lib/db/client";
import { MAX_EMAIL_ATTEMPTS, owedEmailKinds, type OwedEmailKind } from "@/lib/email/email-retry";
import { requireAdminPage } from "../require-admin-page";
import { retryAllUndeliveredEmailsAction, retryUndeliveredEmailAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Undelivered emails" });

const subjectLabel: Record<UndeliveredEmail["subject"], string> = {
  receipt: "Receipt",
  refund: "Refund",
  dispute_opened: "Dispute opened",
  dispute_won: "Dispute won",
  standing_active: "Standing change: active",
  standing_low: "Standing change: low balance",
  standing_grace: "Standing change: grace",
  standing_frozen: "Standing change: frozen",
  invite: "Invitation",
  "waitlist-joined": "Waitlist confirmation",
  "waitlist-capacity": "Waitlist: at capacity",
  "magic-link": "Sign-in link",
  "auto-recharge-paused": "Auto-recharge paused",
  "account-frozen": "Account frozen by an operator",
  "account-unfrozen": "Account unfrozen by an operator",
  "account-closed": "Account closed by an operator",
  "account-adjustment": "Balance adjustment",
  "price-rise": "Price rise",
  "budget-alert": "Budget alert",
  "runway-alert": "Runway alert",
  "spend-anomaly": "Unusual spend alert",
  "billing-contact-confirm": "Billing contact confirmation",
  "monthly-statement": "Monthly statement",
  invoice: "Invoice",
};

const kindWord: Record<OwedEmailKind, string> = {
  payment_notice: "payment",
  standing_change: "standing",
  outbox: "sign-in, invitation, waitlist or auto-recharge",
};

function retriedMessage(retried: string | undefined, count: string | undefined): string | undefined {
  if (retried === "all" && count && /^\d+$/.test(count)) {
    const emails = count === "1" ? "1 email is" : `${Number(count).toLocaleString("en-US")} emails are`;
    return `${emails} due again: the next sweep sends them within a minute. Any that fail again are retried for another day.`;
  }
  const kind = owedEmailKinds.find((candidate) => candidate === retried);
  if (!kind) return undefined;
  return `The ${kindWord[kind]} email is due again: the next sweep sends it within a minute. If it fails again, it is retried for another day.`;
}

type AdminEmailsPageProps = { searchParams: Promise<{ retried?: string; count?: string }> };

export default async function AdminEmailsPage({ searchParams }: AdminEmailsPageProps) {
  const [{ givenUp, givenUpCount, retrying }, { retried, count }] = await Promise.all([
    listUndeliveredEmails(getDb(), await requireAdminPage()),
    searchParams,
  ]);
  const confirmation = retriedMessage(retried, count);
  const figures = [
    { label: "Given up", value: givenUpCount },
    { label: "Still being retried", value: retrying },
  ];
  return (
    <AdminPage
      title="Undelivered emails"
      lead={`Receipts, refund, dispute, standing, auto-recharge, invitation and waitlist emails the site gave up on after ${MAX_EMAIL_ATTEMPTS} failed tries (about a day). Fix the cause first (SMTP, the address), then try again.`}
    >
      {confirmation ? <FormMessage state={{ status: "success", message: confirmation }} /> : null}
      <dl className="grid grid-cols-2 gap-4 sm:max-w-md">
        {figures.map((figure) => (
          <div key={figure.label} className="border-line bg-paper rounded-2xl border p-5">
            <dt className="text-ink-soft text-sm">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-bold tracking-tight tabular-nums">
              {figure.value.toLocaleString("en-US")}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="given-up-heading">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="given-up-heading" className="text-base font-semibold">
            Given up, newest first
            {givenUpCount > givenUp.length ? (
              <span className="text-ink-soft font-normal">
                {" "}
                (the newest {givenUp.length} of {givenUpCount.toLocaleString("en-US")})
              </span>
            ) : null}
          </h2>
          {givenUpCount > 1 ? (
            <ActionButton
              action={retryAllUndeliveredEmailsAction}
              label={`Try all ${givenUpCount.toLocaleString("en-US")} again`}
              pendingLabel="Queuing…"
              className="shrink-0 sm:w-auto"
            />
          ) : null}
        </div>
        {givenUp.length === 0 ? (
          <p className="border-line bg-paper text-ink-soft mt-3 rounded-2xl border border-dashed p-6 text-sm">
            {retrying === 0
              ? "Every owed email has been delivered."
              : "No email has been given up on. Those still being retried go out on their own once SMTP accepts them."}
          </p>
        ) : (
          <ul className="divide-line border-line bg-paper mt-3 divide-y rounded-2xl border">
            {givenUp.map((email) => (
              <UndeliveredEmailRow key={`${email.kind}:${email.id}`} email={email} />
            ))}
          </ul>
        )}
      </section>
    </AdminPage>
  );
}

function UndeliveredEmailRow({ email }: { email: UndeliveredEmail }) {
  const label = subjectLabel[email.subject];
  const address = email.email ?? "No address (account closed)";
  const details = [
    { term: "First owed", value: formatDateTime(email.owedSince), dateTime: email.owedSince },
    { term: "Tries", value: email.attempts.toLocaleString("en-US"), dateTime: undefined },
    { term: "Last try", value: formatDateTime(email.lastAttemptAt), dateTime: email.lastAttemptAt ?? undefined },
  ];
  return (
    <li
      className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6"
      data-testid="undelivered-email"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-all">{address}</span>
          <StatusBadge tone={email.kind === "payment_notice" ? "brand" : "neutral"}>{label}</StatusBadge>
        </p>
        <dl className="text-ink-soft mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {details.map((detail) => (
            <div key={detail.term} className="flex gap-1">
              <dt>{detail.term}:</dt>
              <dd className="text-ink tabular-nums">
                {detail.dateTime ? <time dateTime={detail.dateTime.toISOString()}>{detail.value}</time> : detail.value}
              </dd>
            </div>
          ))}
        </dl>
        {/* Emails show their kind and address only: a body may hold a sign-in token. */}
        {email.accountId ? <p className="text-ink-soft mt-1 font-mono text-xs break-all">{email.accountId}</p> : null}
      </div>
      <ActionButton
        action={retryUndeliveredEmailAction}
        fields={{ kind: email.kind, id: email.id.toString() }}
        label="Try again"
        pendingLabel="Queuing…"
        variant="primary"
        ariaLabel={`Try again: ${label} email to ${address}`}
        className="shrink-0 sm:w-32"
      />
    </li>
  );
}
