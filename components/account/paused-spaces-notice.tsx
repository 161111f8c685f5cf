import Link from "next/link";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { nextMonthLabel } from "@/lib/account/budget-sentences";
import { listPausedSpaces, type PausedSpace } from "@/lib/account/list-paused-spaces";
import type { Queryable } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";

const link = "font-semibold text-brand underline hover:text-brand-strong";

/** Where each space's budget form is on the spaces page (components/account/space-rows.tsx). */
export const spaceBudgetHref = (spaceId: bigint) => `/account/spaces#space-${spaceId.toString()}`;
export const ACCOUNT_BUDGET_HREF = "/account/spaces#account-budget";

// A notice is read at a glance: past a few spaces, the rest are counted and the spaces page lists them
// (the account bench's 100 budgeted spaces paused 17, which made a notice longer than the dashboard).
const LISTED = 5;

/**
 * The dashboard's notice of spaces a budget paused this month: which, why (spend against the budget),
 * what paused means, and the link that raises the budget. It reads its own data so that the overview
 * page renders it with one line; it renders nothing when no space is paused.
 */
export async function PausedSpacesNotice({ db, session }: { db: Queryable; session: AppSession }) {
  const paused = await listPausedSpaces(db, session);
  if (paused.length === 0) return null;
  const byAccount = paused.find((space) => space.reason === "account_budget");
  const bySpace = paused.filter((space) => space.reason === "budget");
  const title = paused.length === 1 ? `${paused[0]!.name} is paused` : `${paused.length} spaces are paused`;
  return (
    <div data-testid="paused-spaces">
      <Notice tone="danger" title={title}>
        <p>
          A paused space is read-only: your platform refuses new work for it and nothing is deleted. It resumes when you
          raise its budget, or on {nextMonthLabel(new Date())} at 00:00 UTC when the month ends.
        </p>
        <ul className="mt-2 space-y-1">
          {byAccount ? <AccountLine space={byAccount} count={paused.length - bySpace.length} /> : null}
          {bySpace.slice(0, LISTED).map((space) => (
            <li key={space.spaceId.toString()} data-testid="paused-space">
              <span className="text-ink font-medium break-all">{space.name}</span> spent{" "}
              <Money micros={space.spendMicros} /> of its <Money micros={space.budgetMicros} /> budget this month.{" "}
              <Link href={spaceBudgetHref(space.spaceId)} className={link}>
                Raise the budget<span className="sr-only"> of {space.name}</span>
              </Link>
            </li>
          ))}
          {bySpace.length > LISTED ? (
            <li>
              <Link href="/account/spaces" className={link}>
                {bySpace.length - LISTED} more paused {bySpace.length - LISTED === 1 ? "space" : "spaces"}
              </Link>{" "}
              on the spaces page.
            </li>
          ) : null}
        </ul>
      </Notice>
    </div>
  );
}

function AccountLine({ space, count }: { space: PausedSpace; count: number }) {
  return (
    <li data-testid="paused-space">
      {count === 1 ? "Your space" : `All ${count} spaces`}: the account spent <Money micros={space.spendMicros} /> of
      its <Money micros={space.budgetMicros} /> budget this month.{" "}
      <Link href={ACCOUNT_BUDGET_HREF} className={link}>
        Raise the account&apos;s budget
      </Link>
    </li>
  );
}
