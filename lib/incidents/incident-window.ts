// An incident's window and the usage hours it credits. No `server-only`: pure, unit-tested beside it.
//
// Usage is metered and stored per whole UTC hour (`usage_hours`, one row per account, space and hour),
// so an hour cannot be split: the incident window may start and end at any instant, and every hour it
// touches at all is credited whole. The operator declares when the outage was; the customer's usage in
// an hour the outage touched was all at risk, and crediting part of an hour would need units that the
// platform never reported. So [starts_at, ends_at) widens to whole hours: the start down to its hour,
// the end up to the next hour unless it already is on one (an incident ending at 11:00 sharp does not
// credit the 11:00 hour).

export const HOUR_MS = 3_600_000;
export const MAX_INCIDENT_DAYS = 31;

export type IncidentWindow = { startsAt: Date; endsAt: Date };

/** The whole hours an incident credits: [from, to), both on the hour. */
export function creditedHours(window: IncidentWindow): { from: Date; to: Date } {
  const from = Math.floor(window.startsAt.getTime() / HOUR_MS) * HOUR_MS;
  const to = Math.ceil(window.endsAt.getTime() / HOUR_MS) * HOUR_MS;
  return { from: new Date(from), to: new Date(to) };
}

export type WindowProblem = { path: "startsAt" | "endsAt"; message: string };

/**
 * What is wrong with a declared window, if anything: the end must be after the start, not after `now`
 * (an incident is declared once it happened; usage for hours still to come is not billed yet), and the
 * window at most MAX_INCIDENT_DAYS long (the preview reads every usage hour in it).
 */
export function findWindowProblem(window: IncidentWindow, now: Date): WindowProblem | undefined {
  if (window.endsAt.getTime() <= window.startsAt.getTime())
    return { path: "endsAt", message: "The end must be after the start." };
  if (window.endsAt.getTime() > now.getTime())
    return { path: "endsAt", message: "The end cannot be in the future: declare an incident once it is over." };
  if (window.endsAt.getTime() - window.startsAt.getTime() > MAX_INCIDENT_DAYS * 24 * HOUR_MS) {
    return { path: "endsAt", message: `An incident can last at most ${MAX_INCIDENT_DAYS} days.` };
  }
  return undefined;
}
