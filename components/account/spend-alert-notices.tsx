import Link from "next/link";
import type { ReactNode } from "react";
import { listSpendAlerts, MAX_SPEND_NOTICES, type SpendAlertNotice } from "@/lib/account/list-spend-alerts";
import type { FormAction } from "@/lib/actions/action-state";
import type { Queryable } from "@/lib/db/client";
import { ActionButton } from "@/components/ui/action-button";
import { Money } from "@/components/ui/money";

const linkClass = "font-semibold text-brand underline hover:text-brand-strong";

function dayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One sentence with the alert's numbers and, where there is one, the way out. */
function sentence(notice: SpendAlertNotice): { title: string; body: ReactNode; isStopped?: boolean } {
  switch (notice.kind) {
    case "runway":
      return {
        title: notice.days === 0 ? "Your credit lasts less than a day" : `Your credit lasts about ${plural(notice.days, "day")}`,
        body: (
          <>
            At <Money micros={notice.perDayMicros} /> a day (the last 7 days&apos; rate), the balance of <Money micros={notice.balanceMicros} />{" "}
            runs out within your {plural(notice.withinDays, "day")}.{" "}
            <Link href="/account/billing" className={linkClass}>
              Add credit
            </Link>
          </>
        ),
      };
    case "anomaly":
      return {
        title: "Unusual spend",
        body: (
          <>
            {dayText(notice.day)} (UTC) cost <Money micros={notice.costMicros} />
            {notice.isToday ? " by the time we looked" : ""},{" "}
            {notice.medianMicros > 0n ? `${(notice.costMicros / notice.medianMicros).toString()}×` : "far more than"} a usual day of{" "}
            <Money micros={notice.medianMicros} /> (the median of the 7 days before).{" "}
            <Link href="/account/usage?range=7d&group=space" className={linkClass}>
              See the usage by space
            </Link>
          </>
        ),
      };
    case "budget": {
      const whose = notice.space === null ? "The account" : `The space “${notice.space}”`;
      const isPaused = notice.action === "pause" && notice.percent >= 100;
      return {
        isStopped: isPaused,
        title: isPaused ? `${notice.space === null ? "Your spaces are" : `“${notice.space}” is`} paused by a budget` : `Budget at ${notice.percent}%`,
        body: (
          <>
            {whose} reached {notice.percent}% of its monthly budget
            {notice.amountMicros !== null ? (
              <>
                {" "}
                of <Money micros={notice.amountMicros} />
              </>
            ) : null}
            {notice.spendMicros !== null ? (
              <>
                {" "}
                (<Money micros={notice.spendMicros} /> spent)
              </>
            ) : null}
            .{" "}
            {isPaused
              ? "It is read-only, nothing deleted, until the budget is raised or the month ends (UTC)."
              : notice.action === "pause"
                ? "At 100% it pauses."
                : notice.action === "alert"
                  ? "This budget only alerts: nothing stops."
                  : ""}
          </>
        ),
      };
    }
  }
}

type SpendAlertNoticesProps = { db: Queryable; accountId: string; dismiss: FormAction };

/**
 * The dashboard's spend alerts of this month (budget, runway, unusual spend), each dismissable; nothing
 * at all when there are none. Reads its own data (one indexed query) so the dashboard adds one line.
 */
export async function SpendAlertNotices({ db, accountId, dismiss }: SpendAlertNoticesProps) {
  const listed = await listSpendAlerts(db, accountId);
  if (listed.length === 0) return null;
  const notices = listed.slice(0, MAX_SPEND_NOTICES);
  return (
    <section aria-labelledby="spend-alerts-notices-heading" data-testid="spend-alert-notices">
      <h2 id="spend-alerts-notices-heading" className="sr-only">
        Spend alerts
      </h2>
      <ul className="space-y-3">
        {notices.map((notice) => {
          const { title, body, isStopped } = sentence(notice);
          return (
            <li
              key={notice.id.toString()}
              data-kind={notice.kind}
              // A paused space has stopped taking work: the danger colour, as the frozen notice (not amber).
              className={`${isStopped ? "border-danger/50 bg-danger/10" : "border-warn/40 bg-warn/10"} text-ink flex flex-col gap-3 rounded-lg border px-4 py-3 text-sm leading-6 sm:flex-row sm:items-start sm:justify-between`}
            >
              <div className="min-w-0">
                <p className="font-semibold">{title}</p>
                <p className="text-ink-soft mt-1">{body}</p>
              </div>
              <ActionButton
                action={dismiss}
                label="Dismiss"
                pendingLabel="Dismissing…"
                fields={{ alert: notice.id.toString() }}
                ariaLabel={`Dismiss: ${title}`}
                className="shrink-0"
              />
            </li>
          );
        })}
      </ul>
      {listed.length > notices.length ? (
        <p className="text-ink-soft mt-2 text-sm">
          More alerts this month went to your email.{" "}
          <Link href="/account/spaces" className={linkClass}>
            See every budget&apos;s spend
          </Link>
        </p>
      ) : null}
    </section>
  );
}
