import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { toCsv, microsToDecimal } from "./csv";
import { getOwnAccountOrThrow } from "./get-own-account";
import { queryUsageRows } from "./get-usage-report";
import type { UsageSelection } from "./usage-range";

/**
 * The usage table as CSV: the same rows the page lists (every page of them), one per period and
 * resource (and space), with the units and the exact cost in dollars.
 */
export async function getUsageCsv(db: Queryable, session: AppSession, selection: UsageSelection): Promise<string> {
  const account = await getOwnAccountOrThrow(db, session);
  const rows = await queryUsageRows(db, account.accountId, selection);
  const bySpace = selection.group === "space";
  const header = ["period_start_utc", ...(bySpace ? ["space"] : []), "resource", "units", "cost_usd", "cost_micros"];
  return toCsv(
    header,
    rows.map((row) => [
      row.start.toISOString(),
      ...(bySpace ? [row.space ?? ""] : []),
      row.resource,
      row.units,
      microsToDecimal(row.costMicros),
      row.costMicros,
    ]),
  );
}
