import type { Metadata } from "next";
import { CostChart } from "@/components/account/cost-chart";
import { EmptyState } from "@/components/account/empty-state";
import { shortBucket } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { UsageFilters } from "@/components/account/usage-filters";
import { UsageRows, UsageTotals } from "@/components/account/usage-tables";
import { Notice } from "@/components/ui/notice";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { resolveUsageSelection, usageQuerySchema, usageSearchParams } from "@/lib/account/usage-range";
import { formatMicros } from "@/lib/billing/rate-units";
import { AppError } from "@/lib/errors";
import { RESOURCE_LABELS } from "@/components/account/formats";
import { isResource } from "@/lib/account/usage-sql";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
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
  const report = await getUsageReport(db, session, selection);
  const csvHref = `/account/usage/export?${usageSearchParams(selection)}`;
  const label = (key: string) => (isResource(key) ? RESOURCE_LABELS[key].name : key);
  return (
    <AccountPage>
      <PageHeader
        title="Usage"
        description="What your apps used and what it cost, by resource or by space. Times are UTC."
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
            <span className="text-ink-soft text-sm tabular-nums">{formatMicros(report.totalCostMicros)} in total</span>
          }
        >
          {report.totalCostMicros === 0n && report.rowCount === 0 ? (
            <EmptyState title="No usage in this range">
              Usage appears here within a second of your apps reporting it. Try a longer range if your apps have been
              quiet.
            </EmptyState>
          ) : (
            <CostChart
              labels={report.chart.map((bucket) => shortBucket(bucket.start, selection.granularity))}
              series={report.series.map((series) => ({
                label: label(series.key),
                values: report.chart.map((bucket) => Number(bucket.costs[series.key] ?? 0n)),
              }))}
              summary={`Cost per ${selection.granularity} by ${selection.group}, ${formatMicros(report.totalCostMicros)} in total. The tables below have each value.`}
            />
          )}
        </Panel>
        {report.rowCount > 0 ? (
          <>
            <Panel id="usage-totals-heading" title="Totals">
              <UsageTotals report={report} />
            </Panel>
            <Panel id="usage-rows-heading" title="Every row">
              <UsageRows report={report} />
            </Panel>
          </>
        ) : null}
      </div>
    </AccountPage>
  );
}
