import type { OwnAccount } from "@/lib/account/get-own-account";
import { Money } from "@/components/ui/money";
import { formatCents } from "@/lib/format/money";
import { AccountFacts } from "./account-facts";
import { CLOSED_BADGE, STANDING_BADGES } from "./standing-badges";

/** What the standing means and what to do about it, in one or two sentences. */
export function standingSentence(account: OwnAccount): string {
  if (account.closedAt) return "This account is closed: its apps take no new work and its history is kept.";
  const low = formatCents(account.lowThresholdMicros);
  const floor = formatCents(account.floorMicros);
  switch (account.state) {
    case "active":
      return `Your apps run normally. You get an alert when the balance falls to ${low}; nothing to do now.`;
    case "low":
      return `Your balance is at or below your ${low} alert. Apps run normally; top up soon so they keep running.`;
    case "grace":
      return `Your credit has run out. Apps keep running on overdraft down to ${floor}; top up now to avoid a freeze.`;
    case "frozen":
      return `Your apps are read-only: the balance reached the ${floor} overdraft floor. Nothing is deleted; a top-up unfreezes them at once.`;
  }
}

/** Balance and standing of the session's own account. */
export function StandingPanel({ account, timeZone }: { account: OwnAccount; timeZone: string }) {
  const badge = account.closedAt ? CLOSED_BADGE : STANDING_BADGES[account.state];
  return (
    <section aria-labelledby="balance-heading" className="rounded-2xl border border-line bg-paper p-5 sm:p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id="balance-heading" className="text-base font-semibold">
          Prepaid balance
        </h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${badge.className}`} data-testid="standing">
          {badge.label}
        </span>
      </div>
      <p className="mt-3 text-4xl font-bold tracking-tight tabular-nums" data-testid="balance">
        <Money micros={account.balanceMicros} />
      </p>
      <p className="mt-2 text-sm leading-6 text-ink-soft" data-testid="standing-sentence">
        {standingSentence(account)}
      </p>
      <AccountFacts accountId={account.accountId} createdAt={account.createdAt} margin="mt-5" idClassName="mt-0.5 font-mono break-all" timeZone={timeZone} />
    </section>
  );
}
