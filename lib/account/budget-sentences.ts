// What a budget does, in the words the spaces page and the dashboard use (issue 19: "the page says in
// one sentence what will happen at each limit"). Pure, so the unit test pins every sentence.
import type { BudgetAction, SpacePauseReason } from "@/lib/db/schema/spend-controls";
import { formatCents } from "@/lib/format/money";

/** Whose budget: one space (by its name) or the whole account. */
export type BudgetScope = { kind: "space"; name: string } | { kind: "account" };

const monthDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

/** The first instant of the next UTC month: when every month's pause ends and spend starts again at zero. */
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** "1 January": the day the month's budgets start again, named as a person reads a date. */
export function nextMonthLabel(now: Date): string {
  return monthDay.format(startOfNextMonth(now));
}

/**
 * One sentence saying exactly what happens when this month's spend reaches the budget: a pause is
 * read-only, lasts until the budget is raised or the month ends (at 00:00 UTC, as usage is billed), and
 * deletes nothing; an alert only tells.
 */
export function describeBudgetLimit(input: {
  scope: BudgetScope;
  amountMicros: bigint;
  action: BudgetAction;
  now: Date;
}): string {
  const amount = formatCents(input.amountMicros);
  const ends = `${nextMonthLabel(input.now)} at 00:00 UTC`;
  if (input.scope.kind === "account") {
    return input.action === "pause"
      ? `At ${amount} this month across all your spaces, every space pauses: each becomes read-only until you raise the budget or the month ends on ${ends}. Nothing is deleted.`
      : `At ${amount} this month across all your spaces, you get an email and a notice; nothing stops.`;
  }
  return input.action === "pause"
    ? `At ${amount} this month, space ${input.scope.name} pauses: it becomes read-only until you raise the budget or the month ends on ${ends}. Nothing is deleted.`
    : `At ${amount} this month on space ${input.scope.name}, you get an email and a notice; nothing stops.`;
}

/** The badge text of a paused space: why it stopped, with the amount that stopped it. */
export function describePause(input: { reason: SpacePauseReason; budgetMicros: bigint | null }): string {
  const amount = input.budgetMicros === null ? null : formatCents(input.budgetMicros);
  switch (input.reason) {
    case "budget":
      return amount ? `Paused — over its ${amount} budget` : "Paused — over its budget";
    case "account_budget":
      return amount ? `Paused — the account is over its ${amount} budget` : "Paused — the account is over its budget";
    case "account_frozen":
      return "Paused — the account is frozen";
  }
}
