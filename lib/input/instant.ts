// The one bound on dates that strangers send: Postgres and JavaScript accept years 0000 to 9999 (and
// beyond), but nothing this site stores or shows is before its launch era or far in the future. Dates
// outside the window are the caller's 400, never an overflow or an empty scan of a century.
export const EARLIEST_INSTANT = new Date("2020-01-01T00:00:00Z");
export const LATEST_INSTANT = new Date("2100-01-01T00:00:00Z");

export const INSTANT_BOUNDS_MESSAGE = `must be between ${EARLIEST_INSTANT.toISOString().slice(0, 10)} and ${LATEST_INSTANT.toISOString().slice(0, 10)}`;

/** Whether `date` is a real date inside [EARLIEST_INSTANT, LATEST_INSTANT). */
export function isWithinInstantBounds(date: Date): boolean {
  const ms = date.getTime();
  return !Number.isNaN(ms) && ms >= EARLIEST_INSTANT.getTime() && ms < LATEST_INSTANT.getTime();
}
