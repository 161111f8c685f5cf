import type { Metadata } from "next";
import Link from "next/link";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { BudgetAccountPanel } from "@/components/account/budget-account-panel";
import { budgetBar, dollarsForInput } from "@/components/account/budget-figures";
import { EmptyState } from "@/components/account/empty-state";
import { RESOURCE_LABELS, formatDate } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { SpaceRows } from "@/components/account/space-rows";
import type { SpaceBudgetView } from "@/components/account/space-budget-details";
import { describeBudgetLimit, describePause } from "@/lib/account/budget-sentences";
import { getSpendControls, type SpaceSpendControl, type SpendControls } from "@/lib/account/get-spend-controls";
import { exactTitle, formatCents } from "@/lib/format/money";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { getPageTimeZone } from "../page-time-zone";
import { requireAccountPage } from "../require-account-page";
import { removeBudgetAction, saveBudgetAction } from "./actions";

export const metadata: Metadata = { title: "Spaces" };

function percent(permille: bigint): string {
  return `${permille / 10n}.${permille % 10n}%`;
}

const amount = (micros: bigint) => ({ text: formatCents(micros), title: exactTitle(micros) });

/** A space's standing and budget as the row's texts. */
function budgetView(space: SpaceSpendControl, controls: SpendControls, now: Date): SpaceBudgetView {
  const budget = space.budget;
  const bar = budget ? budgetBar(space.costMicros, budget.amountMicros) : null;
  const pausedBy = space.reason === "account_budget" ? controls.accountBudget : budget;
  return {
    target: space.spaceId.toString(),
    state:
      space.state === "paused" && space.reason
        ? { label: describePause({ reason: space.reason, budgetMicros: space.reason === "account_frozen" ? null : (pausedBy?.amountMicros ?? null) }), isPaused: true }
        : { label: "Active", isPaused: false },
    budget: budget && bar ? { amount: amount(budget.amountMicros), percent: bar.percent, barWidth: bar.barWidth, tone: bar.tone } : null,
    sentence: budget ? describeBudgetLimit({ scope: { kind: "space", name: space.name }, amountMicros: budget.amountMicros, action: budget.action, now }) : null,
    defaults: { amount: budget ? dollarsForInput(budget.amountMicros) : "", action: budget?.action ?? "alert" },
    shareBarWidth: `${Number(space.sharePermille) / 10}%`,
  };
}

export default async function SpacesPage() {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  const now = new Date();
  const [controls, zone] = await Promise.all([getSpendControls(db, session, now), getPageTimeZone(db, session)]);
  return (
    <AccountPage>
      <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} />
      <PageHeader
        title="Spaces"
        description={`Each deployed app and what it cost since ${formatDate(controls.monthStart)} (the month starts at 00:00 UTC), by resource, with its share of this month's ${formatCents(controls.totalMicros)}, and the monthly budgets that alert you or pause a space.`}
      />
      <div className="mt-8 space-y-6">
        <BudgetAccountPanel controls={controls} save={saveBudgetAction} remove={removeBudgetAction} now={now} />
        <Panel id="spaces-heading" title="This month by space">
          {controls.spaces.length === 0 ? (
            <EmptyState title="No spaces yet">
              A space appears the first time your platform host reports usage for it; then you can give it a budget.{" "}
              <Link href="/account/usage" className="text-brand font-semibold underline">
                Usage
              </Link>{" "}
              shows it by the hour.
            </EmptyState>
          ) : (
            <SpaceRows
              budgetActions={{ save: saveBudgetAction, remove: removeBudgetAction }}
              rows={controls.spaces.map((space) => ({
                name: space.name,
                cost: amount(space.costMicros),
                share: percent(space.sharePermille),
                barWidth: `${Number(space.sharePermille) / 10}%`,
                since: formatDate(space.createdAt, zone.timeZone),
                byResource: space.byResource.map((entry) => ({ name: RESOURCE_LABELS[entry.resource].name, cost: amount(entry.costMicros) })),
                usageHref: `/account/usage?${new URLSearchParams({ range: "mtd", group: "space", space: space.name }).toString()}`,
                budget: budgetView(space, controls, now),
              }))}
            />
          )}
        </Panel>
      </div>
    </AccountPage>
  );
}
