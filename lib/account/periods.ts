// UTC periods for the account area. Pure, so the pages and the tests agree on every boundary.
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export function startOfDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function startOfMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/**
 * The same point of last month as `now` is of this one: as long into last month as now is into this
 * month, but never past last month's end (on 31 March, the point is the end of February).
 */
export function samePointLastMonth(now: Date): { from: Date; to: Date } {
  const thisMonth = startOfMonth(now);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const to = new Date(Math.min(from.getTime() + (now.getTime() - thisMonth.getTime()), thisMonth.getTime()));
  return { from, to };
}

/** `count` bucket starts ending with the bucket that holds `now`. */
export function bucketStarts(now: Date, bucketMs: number, count: number): Date[] {
  const last = Math.floor(now.getTime() / bucketMs) * bucketMs;
  return Array.from({ length: count }, (_, index) => new Date(last - (count - 1 - index) * bucketMs));
}

/** Whole days of runway at a daily rate, or null when nothing is spent (no runway to speak of). */
export function runwayDays(balanceMicros: bigint, perDayMicros: bigint): bigint | null {
  if (perDayMicros <= 0n) return null;
  if (balanceMicros <= 0n) return 0n;
  return balanceMicros / perDayMicros;
}
