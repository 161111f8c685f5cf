import type { AccountSummary } from "@/lib/account/get-account-summary";
import { Money } from "@/components/ui/money";
import type { StandingState } from "@/lib/ledger/standing";
import { AccountFacts } from "./account-facts";
import { STANDING_BADGES } from "./standing-badges";

const help: Record<StandingState, string> = {
  active: "Your apps run normally.",
  low: "Your balance is at or below your low-balance alert.",
  grace: "Your balance is below zero; apps keep running down to the floor.",
  frozen: "Apps are read-only until the balance is back above the floor.",
};

/** Balance and standing of the signed-in user's billing account. */
export function BalanceCard({ billing, timeZone }: { billing: AccountSummary["billing"]; timeZone: string }) {
  if (!billing) {
    return (
      <section aria-labelledby="balance-heading" className="rounded-2xl border border-line bg-paper p-6">
        <h2 id="balance-heading" className="text-base font-semibold">Billing</h2>
        <p className="mt-2 text-sm leading-6 text-ink-soft">This sign-in has no billing account.</p>
      </section>
    );
  }
  const badge = STANDING_BADGES[billing.state];
  return (
    <section aria-labelledby="balance-heading" className="rounded-2xl border border-line bg-paper p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id="balance-heading" className="text-base font-semibold">Prepaid balance</h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.label}</span>
      </div>
      <p className="mt-3 text-4xl font-bold tracking-tight tabular-nums" data-testid="balance">
        <Money micros={billing.balanceMicros} />
      </p>
      <p className="mt-1 text-sm text-ink-soft">{help[billing.state]} Usage is charged against this credit hour by hour.</p>
      <AccountFacts accountId={billing.accountId} createdAt={billing.createdAt} margin="mt-6" idClassName="mt-0.5 font-mono" timeZone={timeZone} />
    </section>
  );
}
