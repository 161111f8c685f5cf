import Link from "next/link";
import type { UsageReport } from "@/lib/account/get-usage-report";
import { usageSearchParams } from "@/lib/account/usage-range";
import { formatMicros } from "@/lib/billing/rate-units";
import { RESOURCE_LABELS, formatBucket, formatUnits } from "./formats";
import { TextRows } from "./text-rows";

const th = "px-3 py-2 font-medium";
const td = "px-3 py-1.5";

// The totals' cells are styled by the table too, and their rows travel as texts (TextRows).
const totalsTable =
  "w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_tbody_th]:px-3 " +
  "[&_tbody_th]:py-1.5 [&_tbody_th]:font-medium [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60";

/** Totals over the range, by resource (units and cost) or by space (cost). */
export function UsageTotals({ report }: { report: UsageReport }) {
  const bySpace = report.selection.group === "space";
  return (
    <div className="overflow-x-auto">
      <table className={totalsTable} data-testid="usage-totals">
        <caption className="sr-only">Totals for {report.selection.label}</caption>
        <thead>
          <tr className="border-b border-line text-ink-soft">
            <th scope="col" className={th}>{bySpace ? "Space" : "Resource"}</th>
            {bySpace ? null : <th scope="col" className={`${th} text-right`}>Units</th>}
            <th scope="col" className={`${th} text-right`}>Cost</th>
          </tr>
        </thead>
        <TextRows
          hasRowHeader
          rows={report.totals.map((total) => [
            total.resource ? RESOURCE_LABELS[total.resource].name : total.key,
            ...(bySpace ? [] : [`${formatUnits(total.units ?? 0n)} ${total.resource ? RESOURCE_LABELS[total.resource].unit : ""}`]),
            formatMicros(total.costMicros, { decimals: 6 }),
          ])}
        />
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className={td}>Total</th>
            {bySpace ? null : <td />}
            <td data-testid="usage-total">{formatMicros(report.totalCostMicros, { decimals: 6 })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

// Every row's cells are styled once, on the table, rather than by a class on each of a page's 200 rows
// × 5 cells; the rows travel as texts (TextRows): the same table in a third of the bytes.
const rowsTable =
  "w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-1.5 [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60 " +
  "[&_td:first-child]:whitespace-nowrap [&_td:nth-last-child(-n+2)]:text-right [&_td:nth-last-child(2)]:whitespace-nowrap";

/** Every row of the range (the CSV holds the same rows), a page at a time. */
export function UsageRows({ report }: { report: UsageReport }) {
  const { selection } = report;
  const bySpace = selection.group === "space";
  const pages = report.pageCount;
  const pageHref = (page: number) => `/account/usage?${usageSearchParams(selection, { page: String(page) })}`;
  return (
    <div>
      <div className="overflow-x-auto">
        <table className={rowsTable} data-testid="usage-rows">
          <caption className="sr-only">{`Usage per ${selection.granularity} for ${selection.label}, page ${selection.page} of ${pages}`}</caption>
          <thead>
            <tr className="border-b border-line text-ink-soft">
              <th scope="col" className={th}>{selection.granularity === "hour" ? "Hour (UTC)" : "Day (UTC)"}</th>
              {bySpace ? <th scope="col" className={th}>Space</th> : null}
              <th scope="col" className={th}>Resource</th>
              <th scope="col" className={`${th} text-right`}>Units</th>
              <th scope="col" className={`${th} text-right`}>Cost</th>
            </tr>
          </thead>
          <TextRows
            rows={report.rows.map((row) => [
              formatBucket(row.start, selection.granularity),
              ...(bySpace ? [row.space ?? ""] : []),
              RESOURCE_LABELS[row.resource].name,
              `${formatUnits(row.units)} ${RESOURCE_LABELS[row.resource].unit}`,
              formatMicros(row.costMicros, { decimals: 6 }),
            ])}
          />
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Usage pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
          {selection.page > 1 ? <Link href={pageHref(selection.page - 1)} className="font-semibold text-brand">← Earlier rows</Link> : <span />}
          <span className="text-ink-soft">
            Page {selection.page} of {pages} ({report.rowCount} rows)
          </span>
          {selection.page < pages ? <Link href={pageHref(selection.page + 1)} className="font-semibold text-brand">Later rows →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
