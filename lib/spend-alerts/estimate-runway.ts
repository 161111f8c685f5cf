// The runway: how long the balance lasts at the last 7 days' rate. One definition for the dashboard
// (lib/account/get-dashboard.ts) and the runway alert (evaluate-spend-alerts.ts), so the alert never
// says "3 days left" while the dashboard says 5. Pure, so both and the tests agree on every edge.
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A forecast needs at least a day of usage history; at most the last 7 days count. */
export const RUNWAY_MIN_HISTORY_MS = DAY_MS;
export const RUNWAY_WINDOW_MS = 7 * DAY_MS;

export type Runway =
  | { kind: "too_little_history"; hoursOfHistory: number }
  | { kind: "no_recent_usage" }
  | { kind: "estimate"; perDayMicros: bigint; days: bigint; windowDays: number };

export type RunwayFacts = {
  balanceMicros: bigint;
  /** Billed usage in [now - RUNWAY_WINDOW_MS, now). */
  spentMicros: bigint;
  /** The account's first usage hour, or null without any. */
  firstUsageAt: Date | null;
  now: Date;
};

/** Whole days of runway at a daily rate, or null when nothing is spent (no runway to speak of). */
export function runwayDays(balanceMicros: bigint, perDayMicros: bigint): bigint | null {
  if (perDayMicros <= 0n) return null;
  if (balanceMicros <= 0n) return 0n;
  return balanceMicros / perDayMicros;
}

/** The runway from the last 7 days' spend (fewer when the account is younger, at least one). */
export function estimateRunway({ balanceMicros, spentMicros, firstUsageAt, now }: RunwayFacts): Runway {
  // Usage before the first hour is nothing, so the 7-day sum is the sum since the first hour.
  const windowStart = Math.max(now.getTime() - RUNWAY_WINDOW_MS, firstUsageAt?.getTime() ?? now.getTime());
  const windowMs = now.getTime() - windowStart;
  if (!firstUsageAt || windowMs < RUNWAY_MIN_HISTORY_MS) {
    return { kind: "too_little_history", hoursOfHistory: Math.max(0, Math.floor(windowMs / HOUR_MS)) };
  }
  const perDayMicros = (spentMicros * BigInt(DAY_MS)) / BigInt(windowMs);
  const days = runwayDays(balanceMicros, perDayMicros);
  if (days === null) return { kind: "no_recent_usage" };
  return { kind: "estimate", perDayMicros, days, windowDays: Math.round(windowMs / DAY_MS) };
}

/**
 * Whether the balance runs out within `withinDays` at the estimate's rate: balance ≤ rate × days, in
 * micro-dollars (no rounding of the days). An account already at or below zero is not "running out":
 * the standing emails (credit ran out, frozen) speak for it.
 */
export function isRunwayShort(runway: Runway, balanceMicros: bigint, withinDays: number): boolean {
  if (runway.kind !== "estimate" || balanceMicros <= 0n) return false;
  return balanceMicros <= runway.perDayMicros * BigInt(withinDays);
}
