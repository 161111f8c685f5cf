import type { AccountSummary } from "@/lib/account/get-account-summary";
import { formatMicros } from "@/lib/billing/rate-units";
import type { StandingState } from "@/lib/ledger/standing";
import { formatLongDate } from "./formats";

const standing: Record<StandingState, { label: string; className: string; help: string }> = {
  active: { label: "Active", className: "bg-accent/10 text-ink ring-1 ring-accent/50", help: "Your apps run normally." },
  low: { label: "Low balance", className: "bg-warn/10 text-ink ring-1 ring-warn/50", help: "Your balance is at or below your low-balance alert." },
  grace: { label: "Grace period", className: "bg-warn/10 text-ink ring-1 ring-warn/50", help: "Your balance is below zero; apps keep running down to the floor." },
  frozen: { label: "Frozen", className: "bg-danger/10 text-ink ring-1 ring-danger/50", help: "Apps are read-only until the balance is back above the floor." },
};

/** Balance and standing of the signed-in user's billing account. */
export function BalanceCard({ billing }: { billing: AccountSummary["billing"] }) {
  if (!billing) {
    return (
      <section aria-labelledby="balance-heading" className="rounded-2xl border border-line bg-paper p-6">
        <h2 id="balance-heading" className="text-base font-semibold">Billing</h2>
        <p className="mt-2 text-sm leading-6 text-ink-soft">This sign-in has no billing account.</p>
      </section>
    );
  }
  const state = standing[billing.state];
  return (
    <section aria-labelledby="balance-heading" className="rounded-2xl border border-line bg-paper p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id="balance-heading" className="text-base font-semibold">Prepaid balance</h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${state.className}`}>{state.label}</span>
      </div>
      <p className="mt-3 text-4xl font-bold tracking-tight tabular-nums" data-testid="balance">
        {formatMicros(billing.balanceMicros)}
      </p>
      <p className="mt-1 text-sm text-ink-soft">{state.help} Usage is charged against this credit hour by hour.</p>
      <dl className="mt-6 grid gap-4 border-t border-line pt-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-ink-soft">Billing account</dt>
          <dd className="mt-0.5 font-mono" data-testid="billing-account-id">{billing.accountId}</dd>
        </div>
        <div>
          <dt className="text-ink-soft">Opened</dt>
          <dd className="mt-0.5">
            {formatLongDate(billing.createdAt)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
