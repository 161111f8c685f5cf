import "server-only";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import type { Queryable } from "@/lib/db/client";
import { getAccountForApiKeyOrThrow } from "../get-account-for-api-key";
import { getDashboardOf, type Runway } from "../get-dashboard";
import type { AccountResponse } from "./schemas";

function presentRunway(runway: Runway): AccountResponse["runway"] {
  if (runway.kind !== "estimate") return { kind: runway.kind };
  return {
    kind: "estimate",
    days: runway.days.toString(),
    per_day_micros: runway.perDayMicros.toString(),
    window_days: runway.windowDays,
  };
}

/** GET /accounts/{account}: the key's account with the dashboard's own figures (getDashboardOf), as decimal strings. */
export async function getApiAccount(db: Queryable, key: VerifiedApiKey, now = new Date()): Promise<AccountResponse> {
  const dashboard = await getDashboardOf(db, await getAccountForApiKeyOrThrow(db, key), now);
  const { account } = dashboard;
  return {
    account: account.accountId,
    state: account.state,
    balance_micros: account.balanceMicros.toString(),
    low_threshold_micros: account.lowThresholdMicros.toString(),
    floor_micros: account.floorMicros.toString(),
    month_to_date_micros: dashboard.monthToDateMicros.toString(),
    last_month_to_same_point_micros: dashboard.lastMonthToSamePointMicros.toString(),
    runway: presentRunway(dashboard.runway),
    as_of: now.toISOString(),
  };
}
