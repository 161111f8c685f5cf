import { CLOSED_BADGE, STANDING_BADGES } from "@/components/account/standing-badges";
import type { StandingState } from "@/lib/ledger/standing";

/** An account's standing as the customer's own pages badge it, plus an operator's freeze and closing. */
export function AccountStandingBadge({
  state,
  isClosed,
  isHeld,
}: {
  state: StandingState;
  isClosed: boolean;
  isHeld: boolean;
}) {
  const badge = isClosed
    ? CLOSED_BADGE
    : isHeld
      ? { ...STANDING_BADGES.frozen, label: "Frozen by an operator" }
      : STANDING_BADGES[state];
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}
