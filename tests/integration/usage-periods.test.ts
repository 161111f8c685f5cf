// Issue 17 bug 3: "last 30 days" (and every "last N days") is one window everywhere: the dashboard's
// 30-day series and the usage page's "Last 30 days" (daily or hourly) give the same total for the same
// data, because both take their window from lastDays() (lib/account/periods.ts).
import { afterAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/account/get-dashboard";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { lastDays } from "@/lib/account/periods";
import type { AppSession } from "@/lib/session/app-session";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

describe("the last 30 days", () => {
  it("give the same total on the dashboard and on the usage page, daily and hourly", async () => {
    const account = await createTestAccount();
    // One record a day for 33 days, each at this hour of its day: the edges of any 30-day window are in it.
    const records = Array.from({ length: 33 }, (_, day) => ({
      id: `periods:${account.accountId}:${day}`,
      account: account.accountId,
      space: "ledger",
      hour: new Date(hourAgo(day * 24)),
      usage: { ...emptyUsage(), messages: 1_000n * BigInt(day + 1) },
    }));
    await ingestUsage(getDb(), records);
    const now = new Date();
    const session = sessionOf(account);
    const dashboard = await getDashboard(getDb(), session, now);
    const daily = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "30d" }, now));
    const hourly = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "30d", granularity: "hour" }, now));

    const dashboardTotal = dashboard.last30Days.reduce((sum, point) => sum + point.costMicros, 0n);
    expect(dashboardTotal).toBeGreaterThan(0n);
    expect(daily.totalCostMicros).toBe(dashboardTotal);
    expect(hourly.totalCostMicros).toBe(dashboardTotal);
    // Thirty days exactly, today included, on both pages.
    expect(dashboard.last30Days).toHaveLength(30);
    expect(daily.chart).toHaveLength(30);
    const window = lastDays(now, 30);
    expect(daily.selection.from).toEqual(window.from);
    expect(dashboard.last30Days[0]!.start).toEqual(window.from);
  });
});
