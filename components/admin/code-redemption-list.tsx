import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import type { CodeRedemptions } from "@/lib/admin/list-invite-code-redemptions";

// A few redemptions are shown open; a code handed to a crowd folds its list away.
const SHOWN_OPEN = 5;

/** Who redeemed a code and when, newest first, and whether each has signed up since. */
export function CodeRedemptionList({ redemptions }: { redemptions: CodeRedemptions | undefined }) {
  if (!redemptions || redemptions.total === 0) return <p className="mt-1 text-sm text-ink-soft">Not redeemed yet.</p>;
  const { total, latest } = redemptions;
  return (
    <details open={total <= SHOWN_OPEN} className="mt-2 text-sm" data-testid="code-redemptions">
      <summary className="cursor-pointer font-medium">
        Redeemed by {total.toLocaleString("en-US")} {total === 1 ? "person" : "people"}
        {total > latest.length ? ` (the latest ${latest.length} below)` : ""}
      </summary>
      <ul className="mt-2 space-y-1">
        {latest.map((redemption) => (
          <li key={`${redemption.email}-${redemption.redeemedAt.toISOString()}`} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="min-w-0 break-all">{redemption.email}</span>
            <span className="text-ink-soft">{formatDateTime(redemption.redeemedAt)}</span>
            {redemption.hasSignedUp ? <StatusBadge tone="good">signed up</StatusBadge> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
