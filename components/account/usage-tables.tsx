import Link from "next/link";
import type { ReactNode } from "react";
import type { UsageReport } from "@/lib/account/get-usage-report";
import { entryFor, pricedQuantity } from "@/lib/account/price-units";
import { usageSearchParams } from "@/lib/account/usage-range";
import type { RateCard } from "@/lib/billing/rate-cards";
import type { Resource } from "@/lib/billing/resources";
import { exactTitle, formatCents } from "@/lib/format/money";
import { RESOURCE_LABELS, bucketHeading, formatBucket, formatUnits } from "./formats";
import { TextRows, type TextCell } from "./text-rows";

const th = "px-3 py-2 font-medium";
const td = "px-3 py-1.5";

/** An amount for a table cell: cents, the exact micro-dollars in its title. */
function costCell(micros: bigint): TextCell {
  return { text: formatCents(micros), title: exactTitle(micros), testId: "usage-cost" };
}

/** The usage in the price list's units, with the meter's raw units in the title (what the CSV has). */
function quantityCell(cards: RateCard[], resource: Resource, units: bigint, at: Date): TextCell {
  const entry = entryFor(cards, resource, at);
  const raw = `${formatUnits(units)} ${RESOURCE_LABELS[resource].unit}`;
  return entry ? { text: pricedQuantity(units, entry).text, title: raw } : raw;
}

function rateText(cards: RateCard[], resource: Resource, at: Date): string {
  const entry = entryFor(cards, resource, at);
  return entry ? pricedQuantity(0n, entry).rate : "";
}

// At phone widths each row is a block of its cells, wrapped, the cost last and to the right: every
// amount stays in view without sideways scrolling. From `sm` up it is an ordinary table.
const stacked =
  "max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tfoot]:block max-sm:[&_tr]:py-2 " +
  "max-sm:[&_td]:!px-0 max-sm:[&_th]:!px-0 max-sm:[&_td]:!py-0 max-sm:[&_th]:!py-0 max-sm:[&_td:last-child]:font-semibold";

const stackedLine = "max-sm:[&_tr]:flex max-sm:[&_tr]:flex-wrap max-sm:[&_tr]:gap-x-3 max-sm:[&_td:last-child]:ml-auto";

// A region the keyboard can scroll, should a wide table still be wider than its panel.
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={`${label} (scrolls sideways if it is wider than the screen)`} tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand">
      {children}
    </div>
  );
}

// The totals' cells are styled by the table too, and their rows travel as texts (TextRows).
const totalsTable =
  "w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_tbody_th]:px-3 " +
  "[&_tbody_th]:py-1.5 [&_tbody_th]:font-medium [&_tbody_th]:break-words [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60 " +
  `${stacked} ${stackedLine}`;

/** Totals over the range, by resource (usage in the price list's units, and cost) or by space (cost). */
export function UsageTotals({ report, cards }: { report: UsageReport; cards: RateCard[] }) {
  const bySpace = report.selection.group === "space";
  // The units of the card in force at the end of the range (usually the only one).
  const at = new Date(report.selection.to.getTime() - 1);
  return (
    <ScrollRegion label="Totals">
      <table className={totalsTable} data-testid="usage-totals">
        <caption className="sr-only">Totals for {report.selection.label}</caption>
        <thead>
          <tr className="border-b border-line text-ink-soft">
            <th scope="col" className={th}>{bySpace ? "Space" : "Resource"}</th>
            {bySpace ? null : <th scope="col" className={`${th} text-right`}>Usage</th>}
            <th scope="col" className={`${th} text-right`}>Cost</th>
          </tr>
        </thead>
        <TextRows
          hasRowHeader
          rows={report.totals.map((total) => [
            total.resource ? RESOURCE_LABELS[total.resource].name : total.key,
            ...(bySpace || !total.resource ? [] : [quantityCell(cards, total.resource, total.units ?? 0n, at)]),
            costCell(total.costMicros),
          ])}
        />
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className={td}>Total</th>
            {bySpace ? null : <td className="max-sm:hidden" />}
            <td data-testid="usage-total" title={exactTitle(report.totalCostMicros)}>
              {formatCents(report.totalCostMicros)}
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

// Every row's cells are styled once, on the table, rather than by a class on each of a page's 200 rows
// × 6 cells; the rows travel as texts (TextRows): the same table in a third of the bytes.
// At phone widths each row is a small card: period and space, then resource and cost, then the usage
// and its rate beneath (cells found from the end: cost, rate, usage, resource; the space, when grouped
// by space, is the fifth from the end and not the first).
const rowCards =
  "max-sm:[&_tr]:grid max-sm:[&_tr]:grid-cols-[1fr_auto] max-sm:[&_tr]:gap-y-0.5 " +
  "max-sm:[&_td:first-child]:row-start-1 max-sm:[&_td:first-child]:col-start-1 max-sm:[&_td:first-child]:text-xs max-sm:[&_td:first-child]:text-ink-soft " +
  "max-sm:[&_td:nth-last-child(5):not(:first-child)]:row-start-1 max-sm:[&_td:nth-last-child(5):not(:first-child)]:col-start-2 " +
  "max-sm:[&_td:nth-last-child(5):not(:first-child)]:text-right max-sm:[&_td:nth-last-child(5):not(:first-child)]:text-xs max-sm:[&_td:nth-last-child(5):not(:first-child)]:break-all " +
  "max-sm:[&_td:nth-last-child(4)]:row-start-2 max-sm:[&_td:nth-last-child(4)]:col-start-1 max-sm:[&_td:nth-last-child(4)]:font-medium " +
  "max-sm:[&_td:last-child]:row-start-2 max-sm:[&_td:last-child]:col-start-2 " +
  "max-sm:[&_td:nth-last-child(3)]:row-start-3 max-sm:[&_td:nth-last-child(3)]:col-span-2 max-sm:[&_td:nth-last-child(3)]:!text-left " +
  "max-sm:[&_td:nth-last-child(2)]:row-start-4 max-sm:[&_td:nth-last-child(2)]:col-span-2 max-sm:[&_td:nth-last-child(2)]:!text-left max-sm:[&_td:nth-last-child(2)]:text-ink-soft";

const rowsTable =
  "w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-1.5 [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60 " +
  "[&_td:first-child]:whitespace-nowrap [&_td:nth-last-child(-n+3)]:text-right sm:[&_td:nth-last-child(-n+3)]:whitespace-nowrap " +
  `[&_td]:break-words ${stacked} ${rowCards}`;

/** Every row of the range (the CSV holds the same rows), a page at a time. */
export function UsageRows({ report, cards, timeZone }: { report: UsageReport; cards: RateCard[]; timeZone: string }) {
  const { selection } = report;
  const bySpace = selection.group === "space";
  const pages = report.pageCount;
  const pageHref = (page: number) => `/account/usage?${usageSearchParams(selection, { page: String(page) })}`;
  return (
    <div>
      <ScrollRegion label="Every row">
        <table className={rowsTable} data-testid="usage-rows">
          <caption className="sr-only">{`Usage per ${selection.granularity} for ${selection.label}, page ${selection.page} of ${pages}`}</caption>
          <thead>
            <tr className="border-b border-line text-ink-soft">
              <th scope="col" className={th}>{bucketHeading(selection.granularity, timeZone)}</th>
              {bySpace ? <th scope="col" className={th}>Space</th> : null}
              <th scope="col" className={th}>Resource</th>
              <th scope="col" className={`${th} text-right`}>Usage</th>
              <th scope="col" className={`${th} text-right`}>Rate</th>
              <th scope="col" className={`${th} text-right`}>Cost</th>
            </tr>
          </thead>
          <TextRows
            rows={report.rows.map((row) => [
              formatBucket(row.start, selection.granularity, timeZone),
              ...(bySpace ? [row.space ?? ""] : []),
              RESOURCE_LABELS[row.resource].name,
              quantityCell(cards, row.resource, row.units, row.start),
              rateText(cards, row.resource, row.start),
              costCell(row.costMicros),
            ])}
          />
        </table>
      </ScrollRegion>
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
