import "server-only";
import type { z } from "zod";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import type { Queryable } from "@/lib/db/client";
import { resolveUsageSelection } from "../usage-range";
import { getUsageExportRows } from "../usage-csv";
import type { accountUsageQuerySchema, UsageResponse } from "./schemas";

// By space, a page holds this many period-and-space groups (up to 9 rows each): a year of daily usage
// of 100 spaces is 36,500 groups, too many for one answer. By resource the rows are few (at most 31
// days of hours or 400 days, times 9 resources) and come whole.
export const USAGE_GROUPS_PER_PAGE = 500;

/**
 * GET /accounts/{account}/usage: the usage CSV's rows (getUsageExportRows, the one row builder) for the
 * key's account over the usage page's selection, with the same bounds (lib/account/usage-range.ts).
 */
export async function getApiUsage(
  db: Queryable,
  key: VerifiedApiKey,
  query: z.output<typeof accountUsageQuerySchema>,
  now = new Date(),
): Promise<UsageResponse> {
  const selection = resolveUsageSelection(query, now);
  const bySpace = selection.group === "space";
  // One group more than a page tells whether another page follows.
  const page = bySpace
    ? { offset: (selection.page - 1) * USAGE_GROUPS_PER_PAGE, limit: USAGE_GROUPS_PER_PAGE + 1 }
    : undefined;
  let rows = await getUsageExportRows(db, key.accountId, selection, page);
  let hasMore = false;
  if (bySpace) {
    const groups = [...new Set(rows.map((row) => `${row.period_start_utc}\u0000${row.space}`))];
    hasMore = groups.length > USAGE_GROUPS_PER_PAGE;
    if (hasMore) {
      const last = groups[USAGE_GROUPS_PER_PAGE]!;
      rows = rows.filter((row) => `${row.period_start_utc}\u0000${row.space}` !== last);
    }
  }
  return {
    account: key.accountId,
    from: selection.from.toISOString(),
    to: selection.to.toISOString(),
    granularity: selection.granularity,
    group: selection.group,
    page: bySpace ? selection.page : 1,
    next_page: hasMore ? selection.page + 1 : null,
    rows,
  };
}
