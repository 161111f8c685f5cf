import type { Metadata } from "next";
import { CostChart } from "@/components/account/cost-chart";
import { EmptyState } from "@/components/account/empty-state";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { RESOURCE_LABELS, shortBucket, zoneLabel } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { UsageFilters } from "@/components/account/usage-filters";
import { UsageRows, UsageTotals } from "@/components/account/usage-tables";
import { Notice } from "@/components/ui/notice";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { resolveUsageSelection, usageQuerySchema, usageSearchParams } from "@/lib/account/usage-range";
import { listRateCards } from "@/lib/billing/rate-cards";
import { exactTitle, formatCents } from "@/lib/format/money";
import { AppError } from "@/lib/errors";
import { isResource } from "@/lib/account/usage-sql";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { getPageTimeZone } from "../page-time-zone";
import { requireAccountPage } from "../require-account-page";

export const metadata: Metadata = { title: "Usage" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  let problem: string | null = null;
  let selection;
  try {
    selection = parseUsageSelectionOrThrow(await searchParams);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
    problem = error.message;
    selection = resolveUsageSelection(usageQuerySchema.parse({}));
  }
  const [report, cards, zone] = await Promise.all([getUsageReport(db, session, selection), listRateCards(db), getPageTimeZone(db, session)]);
  const csvHref = `/account/usage/export?${usageSearchParams(selection)}`;
  const label = (key: string) => (isResource(key) ? RESOURCE_LABELS[key].name : key);
  return (
    <AccountPage>
      <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} />
      <PageHeader
        title="Usage"
        description={`What your apps used, in the price list's units, and what it cost, by resource or by space. Hours are in ${zone.timeZone === "UTC" ? "UTC" : `${zone.timeZone.replaceAll("_", " ")} (${zoneLabel(zone.timeZone)})`}; days and the CSV are UTC.`}
      />
      <div className="mt-8 space-y-6">
        {problem ? (
          <Notice tone="warn" title="That range could not be shown">
            {problem} Showing the last 30 days instead.
          </Notice>
        ) : null}
        <UsageFilters selection={selection} csvHref={csvHref} />
        <Panel
          id="usage-chart-heading"
          title={`${selection.label}, ${selection.granularity === "hour" ? "hourly" : "daily"}, by ${selection.group}`}
          actions={
            <span className="text-ink-soft text-sm tabular-nums" title={exactTitle(report.totalCostMicros)}>
              {formatCents(report.totalCostMicros)} in total
            </span>
          }
        >
          {report.totalCostMicros === 0n && report.rowCount === 0 ? (
            <EmptyState title="No usage in this range">
              Usage appears here within a second of your apps reporting it. Try a longer range if your apps have been
              quiet.
            </EmptyState>
          ) : (
            <CostChart
              labels={report.chart.map((bucket) => shortBucket(bucket.start, selection.granularity, zone.timeZone))}
              series={report.series.map((series) => ({
                label: label(series.key),
                values: report.chart.map((bucket) => Number(bucket.costs[series.key] ?? 0n)),
              }))}
              summary={`Cost per ${selection.granularity} by ${selection.group}, ${formatCents(report.totalCostMicros)} in total. The tables below have each value.`}
            />
          )}
        </Panel>
        {report.rowCount > 0 ? (
          <>
            <Panel id="usage-totals-heading" title="Totals">
              <UsageTotals report={report} cards={cards} />
            </Panel>
            <Panel id="usage-rows-heading" title="Every row">
              <UsageRows report={report} cards={cards} timeZone={zone.timeZone} />
            </Panel>
          </>
        ) : null}
      </div>
    </AccountPage>
  );
}
