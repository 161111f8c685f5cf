import "server-only";
import { jsonResponse } from "@/lib/http/json-response";
import type { AccountStanding } from "@/lib/billing/get-account-standing";
import type { UsageReport } from "@/lib/billing/query-usage";
import type { SpaceState } from "@/lib/budgets/list-space-states";
import type { StandingResponse, UsageSeries } from "./schemas";

// Domain values (bigint, Date) as the wire shapes of schemas.ts (decimal strings, ISO instants).

export function presentStanding(standing: AccountStanding, spaces: SpaceState[]): StandingResponse {
  return {
    account: standing.accountId,
    state: standing.state,
    balance_micros: standing.balanceMicros.toString(),
    low_threshold_micros: standing.lowThresholdMicros.toString(),
    floor_micros: standing.floorMicros.toString(),
    as_of: standing.asOf.toISOString(),
    // A space of a frozen account is paused for the account, by the state this answer states.
    spaces: spaces.map((space) => {
      const reason = standing.state === "frozen" ? "account_frozen" : space.reason;
      return { space: space.name, state: reason === null ? "active" : "paused", reason };
    }),
  };
}

export function presentUsage(report: UsageReport): UsageSeries {
  return {
    account: report.accountId,
    from: report.from.toISOString(),
    to: report.to.toISOString(),
    granularity: report.granularity,
    group: report.group,
    points: report.points.map((point) => ({
      start: point.start.toISOString(),
      key: point.key,
      ...(point.resource ? { resource: point.resource } : {}),
      units: point.units.toString(),
      cost_micros: point.costMicros.toString(),
    })),
    totals: {
      cost_micros: report.totals.costMicros.toString(),
      resources: report.totals.resources.map((row) => ({
        resource: row.resource,
        units: row.units.toString(),
        cost_micros: row.costMicros.toString(),
      })),
      spaces: report.totals.spaces.map((row) => ({ space: row.space, cost_micros: row.costMicros.toString() })),
    },
  };
}

/** A JSON answer no cache may keep: balances and usage change with every posting. */
export function privateJson(body: unknown, init: { status?: number } = {}): Response {
  return jsonResponse(body, { status: init.status ?? 200, headers: { "cache-control": "no-store" } });
}
