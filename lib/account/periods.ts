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

/** A window of time, `to` exclusive. */
export type Period = { from: Date; to: Date };

/**
 * "The last N days", the one definition every page and export uses (the dashboard's series, the usage
 * page's presets and its CSV): the N UTC days ending with today, today included however far into it we
 * are, so [the start of the day N-1 days ago, the start of tomorrow). Whole days, so a daily view and an
 * hourly view of the same words sum the same hours (issue 17: the two pages used to give 30 and 31 days).
 */
export function lastDays(now: Date, days: number): Period {
  const tomorrow = startOfDay(now).getTime() + DAY_MS;
  return { from: new Date(tomorrow - days * DAY_MS), to: new Date(tomorrow) };
}

/** "The last N hours": the N hours ending with the current one, [the start of the hour N-1 hours ago, the next hour). */
export function lastHours(now: Date, hours: number): Period {
  const next = startOfHour(now).getTime() + HOUR_MS;
  return { from: new Date(next - hours * HOUR_MS), to: new Date(next) };
}

/** The start of each `stepMs` bucket of a period aligned on that step. */
export function startsIn(period: Period, stepMs: number): Date[] {
  const starts: Date[] = [];
  for (let time = period.from.getTime(); time < period.to.getTime(); time += stepMs) starts.push(new Date(time));
  return starts;
}
