import type { CostPoint } from "@/lib/account/get-dashboard";
import { exactTitle, formatCents } from "@/lib/format/money";
import { CostChart } from "./cost-chart";
import { EmptyState } from "./empty-state";
import { bucketHeading, formatBucket, shortBucket } from "./formats";
import { Panel } from "./page-header";
import { TextRows } from "./text-rows";

// The cells are styled once, on the table, not by a class on each of up to 30 rows × 2 cells.
const numbersTable =
  "w-full text-left tabular-nums [&_td]:py-1 [&_td:last-child]:text-right [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60";

/** A cost series as a chart with its numbers in a table beneath (collapsed, but in the page for everyone). */
export function CostSeriesPanel({ id, title, points, granularity, timeZone }: { id: string; title: string; points: CostPoint[]; granularity: "hour" | "day"; timeZone: string }) {
  const total = points.reduce((sum, point) => sum + point.costMicros, 0n);
  return (
    <Panel id={id} title={title} actions={<span className="text-sm text-ink-soft tabular-nums" title={exactTitle(total)}>{formatCents(total)} in total</span>}>
      {total === 0n ? (
        <EmptyState title="No usage yet">Usage appears here within a second of your apps reporting it.</EmptyState>
      ) : (
        <>
          <CostChart
            labels={points.map((point) => shortBucket(point.start, granularity, timeZone))}
            series={[{ label: "Cost", values: points.map((point) => Number(point.costMicros)) }]}
            summary={`${title}: cost per ${granularity}, ${formatCents(total)} in total. The table below has each value.`}
          />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-semibold text-brand hover:text-brand-strong">Show the numbers</summary>
            <div className="mt-2 max-h-72 overflow-y-auto">
              <table className={numbersTable}>
                <caption className="sr-only">{`${title}: cost per ${granularity}, ${bucketHeading(granularity, timeZone)}`}</caption>
                <thead>
                  <tr className="border-b border-line text-ink-soft">
                    <th scope="col" className="py-1.5 font-medium">{bucketHeading(granularity, timeZone)}</th>
                    <th scope="col" className="py-1.5 text-right font-medium">Cost</th>
                  </tr>
                </thead>
                <TextRows
                  rows={points.map((point) => [formatBucket(point.start, granularity, timeZone), { text: formatCents(point.costMicros), title: exactTitle(point.costMicros) }])}
                />
              </table>
            </div>
          </details>
        </>
      )}
    </Panel>
  );
}
