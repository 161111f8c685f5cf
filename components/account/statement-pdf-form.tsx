import { monthLabel, monthOf, monthsBetween, type StatementMonth } from "@/lib/monthly-statements/statement-month";
import { buttonClass } from "./page-header";

/**
 * The statement page's "Download PDF": a plain GET form (no JavaScript) naming one UTC month, from the
 * account's first (getFirstStatementMonth) to this one (its statement so far). Last month is chosen
 * first: the usual reason to come here is the statement of a month that just ended.
 */
export function StatementPdfForm({ firstMonth, now }: { firstMonth: StatementMonth; now: Date }) {
  const current = monthOf(now);
  const months = monthsBetween(firstMonth, current);
  const preferred = months[1] ?? current;
  return (
    <form action="/account/statement/pdf" method="get" className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-ink-soft">Monthly statement</span>
        <select
          name="month"
          defaultValue={preferred}
          className="border-line bg-paper rounded-lg border px-3 py-2 text-sm"
        >
          {months.map((month) => (
            <option key={month} value={month}>
              {month === current ? `${monthLabel(month)} (so far)` : monthLabel(month)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass.secondary}>
        Download PDF
      </button>
    </form>
  );
}
