import type { Dashboard } from "@/lib/account/get-dashboard";
import { Money } from "@/components/ui/money";
import { formatCents } from "@/lib/format/money";

function runwayText(runway: Dashboard["runway"]): { headline: string; detail: string } {
  switch (runway.kind) {
    case "too_little_history":
      return {
        headline: "Not enough history yet",
        detail: `A forecast needs a day of usage; this account has ${runway.hoursOfHistory === 0 ? "none yet" : `${runway.hoursOfHistory} hours`}. No forecast until then.`,
      };
    case "no_recent_usage":
      return { headline: "No usage in the last 7 days", detail: "Nothing is being spent, so your credit is not running down." };
    case "estimate":
      return {
        headline: runway.days === 0n ? "No credit left" : `About ${runway.days.toString()} ${runway.days === 1n ? "day" : "days"} left`,
        detail: `At the last ${runway.windowDays} ${runway.windowDays === 1 ? "day's" : "days'"} rate of ${formatCents(runway.perDayMicros)} a day.`,
      };
  }
}

/** Runway and month-to-date spend beside the same point of last month. */
export function SpendPanel({ dashboard }: { dashboard: Dashboard }) {
  const runway = runwayText(dashboard.runway);
  const change = dashboard.monthToDateMicros - dashboard.lastMonthToSamePointMicros;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <section aria-labelledby="runway-heading" className="rounded-2xl border border-line bg-paper p-5 sm:p-6">
        <h2 id="runway-heading" className="text-sm font-semibold text-ink-soft">
          Runway
        </h2>
        <p className="mt-2 text-2xl font-bold tracking-tight" data-testid="runway">
          {runway.headline}
        </p>
        <p className="mt-1 text-sm leading-6 text-ink-soft">{runway.detail}</p>
      </section>
      <section aria-labelledby="mtd-heading" className="rounded-2xl border border-line bg-paper p-5 sm:p-6">
        <h2 id="mtd-heading" className="text-sm font-semibold text-ink-soft">
          Spent this month
        </h2>
        <p className="mt-2 text-2xl font-bold tracking-tight tabular-nums" data-testid="month-to-date">
          <Money micros={dashboard.monthToDateMicros} />
        </p>
        <p className="mt-1 text-sm leading-6 text-ink-soft">
          Same point last month: <span data-testid="last-month-to-date">
            <Money micros={dashboard.lastMonthToSamePointMicros} />
          </span>
          {dashboard.lastMonthToSamePointMicros > 0n || dashboard.monthToDateMicros > 0n
            ? <> (<Money micros={change} plusSign />).</>
            : "."}
        </p>
      </section>
    </div>
  );
}
