// The months a monthly statement covers: UTC calendar months, as the statement page's days are UTC days
// (lib/account/statement-lines.ts), so a month's statement holds exactly the page's lines of its days.
// Pure, so the route, the job and the tests agree on every boundary.
import { z } from "zod";

export const STATEMENT_MONTH_MESSAGE = "a month as YYYY-MM, like 2026-11";

/** "2026-11": a real month between 2000 and 2999 (the statement page's cursor range). */
export const statementMonthSchema = z.string().regex(/^2\d{3}-(0[1-9]|1[0-2])$/, STATEMENT_MONTH_MESSAGE);

export type StatementMonth = z.infer<typeof statementMonthSchema>;

/** The month's UTC days, `to` exclusive: [its 1st at 00:00 UTC, the next month's 1st). */
export function monthPeriod(month: StatementMonth): { from: Date; to: Date } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, monthNumber - 1, 1)), to: new Date(Date.UTC(year, monthNumber, 1)) };
}

/** The UTC month an instant falls in. */
export function monthOf(at: Date): StatementMonth {
  return at.toISOString().slice(0, 7);
}

/** The month before the one `now` is in: the month the job on the 1st sends. */
export function previousMonth(now: Date): StatementMonth {
  return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

/** "November 2026". */
export function monthLabel(month: StatementMonth): string {
  return monthPeriod(month).from.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** The months from `first` to `last` (both included), newest first: the download control's choices. */
export function monthsBetween(first: StatementMonth, last: StatementMonth): StatementMonth[] {
  const months: StatementMonth[] = [];
  for (
    let at = monthPeriod(last).from;
    monthOf(at) >= first;
    at = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1))
  ) {
    months.push(monthOf(at));
  }
  return months;
}
