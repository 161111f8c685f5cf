import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { listRateCards } from "@/lib/billing/rate-cards";
import { toCsv, microsToDecimal } from "./csv";
import { getOwnAccountOrThrow } from "./get-own-account";
import { queryUsageRows } from "./get-usage-report";
import { divideToDecimal, entryFor } from "./price-units";
import type { UsageSelection } from "./usage-range";

/**
 * The usage table as CSV: the same rows the page lists (every page of them), one per period and
 * resource (and space), with the units and the exact cost in dollars. Times are UTC (the column says so).
 * After those columns (kept as they were, for scripts that read them), the price list's view of the same
 * row: its unit ("CPU-hour", "1,000 calls"), the quantity in it (units ÷ units_per_price_unit, to nine
 * places, exact when it ends there) and the price per unit, so quantity × price_usd gives the cost.
 */
export async function getUsageCsv(db: Queryable, session: AppSession, selection: UsageSelection): Promise<string> {
  const account = await getOwnAccountOrThrow(db, session);
  const [rows, cards] = await Promise.all([queryUsageRows(db, account.accountId, selection), listRateCards(db)]);
  const bySpace = selection.group === "space";
  const header = ["period_start_utc", ...(bySpace ? ["space"] : []), "resource", "units", "cost_usd", "cost_micros", "price_unit", "quantity", "price_usd", "units_per_price_unit"];
  return toCsv(
    header,
    rows.map((row) => {
      const entry = entryFor(cards, row.resource, row.start);
      return [
        row.start.toISOString(),
        ...(bySpace ? [row.space ?? ""] : []),
        row.resource,
        row.units,
        microsToDecimal(row.costMicros),
        row.costMicros,
        entry?.unitLabel ?? null,
        entry ? divideToDecimal(row.units, entry.perUnits, 9).digits : null,
        entry ? microsToDecimal(entry.priceMicros) : null,
        entry?.perUnits ?? null,
      ];
    }),
  );
}
