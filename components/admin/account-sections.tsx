import type { ReactNode } from "react";
import { Money } from "@/components/ui/money";
import type { AccountDetail } from "@/lib/admin/get-account-detail";
import { formatDateTime } from "./format";
import { StatusBadge } from "./status-badge";

// The operator's account page (app/admin/accounts/[accountId]) in sections, each a card like the
// other admin pages'. Lists are definition-like rows that wrap at 375 px rather than wide tables.

/** A card with a heading: the account area's panel, so both areas' cards stay one design. */
export { Panel as Section } from "@/components/account/page-header";

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="border-line bg-paper-soft text-ink-soft rounded-xl border border-dashed px-4 py-5 text-sm">
      {children}
    </p>
  );
}

export function Facts({ rows }: { rows: Array<[term: string, value: ReactNode]> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-ink-soft">{term}</dt>
          <dd className="font-semibold break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Rows({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <ul className="divide-line/60 border-line/60 divide-y border-y text-sm" data-testid={testId}>
      {children}
    </ul>
  );
}

function Row({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <div className="min-w-0">{main}</div>
      <div className="text-ink-soft shrink-0 tabular-nums sm:text-right">{side}</div>
    </li>
  );
}

const AUTO_RECHARGE_PAUSE: Record<string, string> = {
  card_declined: "paused: the card was declined",
  authentication_required: "paused: the bank asked the customer to confirm",
  no_card: "paused: no saved card",
};

export function autoRechargeText(autoRecharge: AccountDetail["autoRecharge"]): ReactNode {
  if (!autoRecharge || !autoRecharge.enabled) return "Off";
  const pause = autoRecharge.pausedReason
    ? ` (${AUTO_RECHARGE_PAUSE[autoRecharge.pausedReason] ?? `paused: ${autoRecharge.pausedReason}`})`
    : "";
  return (
    <>
      Below <Money micros={autoRecharge.thresholdMicros} />, up to <Money micros={autoRecharge.targetMicros} />, at most{" "}
      <Money micros={autoRecharge.monthlyCapMicros} /> a month
      {pause}
    </>
  );
}

export function SpacesList({ spaces }: { spaces: AccountDetail["spaces"] }) {
  if (spaces.spaces.length === 0) return <Empty>No spaces yet: a space appears with its first usage.</Empty>;
  return (
    <Rows testId="account-spaces">
      {spaces.spaces.map((space) => (
        <Row
          key={space.name}
          main={<span className="font-semibold break-all">{space.name}</span>}
          side={<Money micros={space.costMicros} />}
        />
      ))}
    </Rows>
  );
}

const PAYMENT_KIND: Record<AccountDetail["payments"][number]["kind"], string> = {
  top_up: "Top-up",
  refund: "Refund",
  dispute: "Dispute",
  dispute_won: "Dispute won",
};

export function PaymentsList({ payments }: { payments: AccountDetail["payments"] }) {
  if (payments.length === 0) return <Empty>No card payments: no top-ups, refunds or disputes.</Empty>;
  return (
    <Rows testId="account-payments">
      {payments.map((payment) => (
        <Row
          key={payment.transferId.toString()}
          main={
            <>
              <span className="font-semibold">
                {PAYMENT_KIND[payment.kind]}
                {payment.isAutoRecharge ? " (auto-recharge)" : ""}
              </span>{" "}
              <Money micros={payment.amountMicros} plusSign />
              <span className="text-ink-soft block font-mono text-xs break-all">
                {payment.stripeUrl ? (
                  <a href={payment.stripeUrl} target="_blank" rel="noreferrer" className="text-brand underline">
                    {payment.stripeId}
                    <span className="sr-only"> in Stripe&rsquo;s dashboard (opens in a new tab)</span>
                  </a>
                ) : (
                  (payment.stripeId ?? "no Stripe id")
                )}
              </span>
            </>
          }
          side={formatDateTime(payment.at)}
        />
      ))}
    </Rows>
  );
}

const EMAIL_TONE = { sent: "good", queued: "neutral", "given up": "bad" } as const;

export function EmailsList({ emails }: { emails: AccountDetail["emails"] }) {
  if (emails.length === 0) return <Empty>No emails in the last 30 days.</Empty>;
  return (
    <Rows testId="account-emails">
      {emails.map((email) => (
        <Row
          key={email.id.toString()}
          main={
            <>
              <span className="font-semibold">{email.subject}</span>
              <span className="text-ink-soft block font-mono text-xs">{email.template}</span>
            </>
          }
          side={
            <span className="flex items-center gap-2 sm:justify-end">
              <StatusBadge tone={EMAIL_TONE[email.status]}>{email.status}</StatusBadge>
              {formatDateTime(email.sentAt ?? email.createdAt)}
            </span>
          }
        />
      ))}
    </Rows>
  );
}

export function AuditList({ entries }: { entries: AccountDetail["audit"] }) {
  if (entries.length === 0) return <Empty>No operator has acted on this account.</Empty>;
  return (
    <Rows testId="account-audit">
      {entries.map((entry) => {
        const reason = (entry.after as { reason?: unknown } | null)?.reason;
        return (
          <Row
            key={entry.id.toString()}
            main={
              <>
                <span className="text-brand font-mono font-semibold">{entry.action}</span> by {entry.actorEmail}
                {typeof reason === "string" ? <span className="text-ink-soft block">{reason}</span> : null}
              </>
            }
            side={formatDateTime(entry.createdAt)}
          />
        );
      })}
    </Rows>
  );
}
