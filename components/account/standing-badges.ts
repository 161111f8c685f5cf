import type { StandingState } from "@/lib/ledger/standing";

type Badge = { label: string; className: string };

// Text in ink on a tinted ground with a coloured ring: the colour marks it, the words stay readable.
export const STANDING_BADGES: Record<StandingState, Badge> = {
  active: { label: "Active", className: "bg-accent/10 text-ink ring-1 ring-accent/50" },
  low: { label: "Low balance", className: "bg-warn/10 text-ink ring-1 ring-warn/50" },
  grace: { label: "Grace period", className: "bg-warn/10 text-ink ring-1 ring-warn/50" },
  frozen: { label: "Frozen", className: "bg-danger/10 text-ink ring-1 ring-danger/50" },
};

/** The badge of a closed account, in the frozen colours: like a frozen one, it takes no new work. */
export const CLOSED_BADGE: Badge = { label: "Closed", className: STANDING_BADGES.frozen.className };
