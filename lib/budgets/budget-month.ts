// The budget month: the UTC calendar month (docs/spend-controls.md). Pure, so the check in the posting
// transaction, the reads and the rollover agree on every boundary.

/** The first instant of the UTC month `at` is in. */
export function budgetMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The first instant of the next UTC month. */
export function nextBudgetMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** `YYYY-MM`: the month in alert keys and in what the account area shows. */
export function budgetMonthKey(at: Date): string {
  return budgetMonthStart(at).toISOString().slice(0, 7);
}
