// The anomaly rule (issue 19): a UTC day whose billed cost is at least 5× the median of the 7 days
// before it, once the account has 7 whole days of history. Pure, so the job and the tests agree.

export const ANOMALY_FACTOR = 5n;
export const ANOMALY_HISTORY_DAYS = 7;
/**
 * The median is never taken as less than this ($0.20 a day). A week of near-idle days has a median of
 * $0 or a few cents, and "5× nothing" would flag any usage at all: with the floor, such an account is
 * told when a day costs at least $1.00 (5 × $0.20), which is a spike worth an email, and not for $0.05.
 */
export const ANOMALY_MEDIAN_FLOOR_MICROS = 200_000n;

/** The middle of an odd count (7 days: the 4th smallest), the lower middle of an even one: exact, no float. */
export function medianMicros(values: readonly bigint[]): bigint {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export type AnomalyFacts = {
  /** The day's billed cost (so far, for today). */
  costMicros: bigint;
  /**
   * The daily costs of the days before it, oldest first, only days on or after the account's first usage
   * day (a day before it is not "a zero day of history", it is no history); a day without usage inside
   * that span is 0.
   */
  history: readonly bigint[];
};

export type Anomaly = { costMicros: bigint; medianMicros: bigint };

/** The anomaly, or null: fewer than 7 days of history, or the day under 5× the (floored) median. */
export function detectAnomaly({ costMicros, history }: AnomalyFacts): Anomaly | null {
  if (history.length < ANOMALY_HISTORY_DAYS) return null;
  const median = medianMicros(history.slice(-ANOMALY_HISTORY_DAYS));
  const baseline = median > ANOMALY_MEDIAN_FLOOR_MICROS ? median : ANOMALY_MEDIAN_FLOOR_MICROS;
  return costMicros >= baseline * ANOMALY_FACTOR ? { costMicros, medianMicros: median } : null;
}
