import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { listRateCards } from "@/lib/billing/rate-cards";
import type { Resource } from "@/lib/billing/resources";
import { toCsv, microsToDecimal } from "./csv";
import { getOwnAccountOrThrow } from "./get-own-account";
import { queryUsageRows } from "./get-usage-report";
import { divideToDecimal, entryFor } from "./price-units";
import type { Grouping, UsageSelection } from "./usage-range";

// One usage row as the CSV export and the account API (/api/account/v1, JSON) both give it: built here
// once, so the two shapes cannot drift. Numbers are decimal strings (exact; micro-dollars and units can
// pass 2^53); the price columns are null where no rate card covered the period.
export type UsageExportRow = {
  period_start_utc: string;
  space?: string;
  resource: Resource;
  units: string;
  cost_usd: string;
  cost_micros: string;
  price_unit: string | null;
  quantity: string | null;
  price_usd: string | null;
  units_per_price_unit: string | null;
};

/** The columns in their order; `space` only when grouped by space. */
export function usageExportColumns(group: Grouping): Array<keyof UsageExportRow> {
  return ["period_start_utc", ...(group === "space" ? (["space"] as const) : []), "resource", "units", "cost_usd", "cost_micros", "price_unit", "quantity", "price_usd", "units_per_price_unit"];
}

/**
 * The usage table's rows of one account, oldest first: one per period and resource (and space), with
 * the units and the exact cost, then the price list's view of the same row: its unit ("CPU-hour",
 * "1,000 calls"), the quantity in it (units ÷ units_per_price_unit, to nine places, exact when it ends
 * there) and the price per unit, so quantity × price_usd gives the cost. The account id comes from the
 * session (getUsageCsv) or a verified API key, never from the request alone. `page` pages period-and-space
 * groups when grouped by space (queryUsageRows).
 */
export async function getUsageExportRows(
  db: Queryable,
  accountId: string,
  selection: UsageSelection,
  page?: { offset: number; limit: number },
): Promise<UsageExportRow[]> {
  const [rows, cards] = await Promise.all([queryUsageRows(db, accountId, selection, page), listRateCards(db)]);
  return rows.map((row) => {
    const entry = entryFor(cards, row.resource, row.start);
    return {
      period_start_utc: row.start.toISOString(),
      ...(selection.group === "space" ? { space: row.space ?? "" } : {}),
      resource: row.resource,
      units: row.units.toString(),
      cost_usd: microsToDecimal(row.costMicros),
      cost_micros: row.costMicros.toString(),
      price_unit: entry?.unitLabel ?? null,
      quantity: entry ? divideToDecimal(row.units, entry.perUnits, 9).digits : null,
      price_usd: entry ? microsToDecimal(entry.priceMicros) : null,
      units_per_price_unit: entry ? entry.perUnits.toString() : null,
    };
  });
}

/**
 * The usage table as CSV: the same rows the page lists (every page of them). Times are UTC (the column
 * says so). The first columns are kept as they were, for scripts that read them.
 */
export async function getUsageCsv(db: Queryable, session: AppSession, selection: UsageSelection): Promise<string> {
  const account = await getOwnAccountOrThrow(db, session);
  const rows = await getUsageExportRows(db, account.accountId, selection);
  const header = usageExportColumns(selection.group);
  return toCsv(header, rows.map((row) => header.map((column) => row[column] ?? null)));
}
