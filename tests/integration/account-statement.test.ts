// The account area's numbers against the ledger: the statement's movements add up to the balance on
// every page and in the CSV, the daily and per-account hourly rollups equal the hours they sum, and the
// dashboard, usage and spaces figures equal the usage transfers posted for the account.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/account/get-dashboard";
import { getSpaceCosts } from "@/lib/account/get-space-costs";
import { getStatementMovements, getStatementPage, type StatementRow } from "@/lib/account/get-statement";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { resolveUsageSelection } from "@/lib/account/usage-range";
import { costSum } from "@/lib/account/usage-sql";
import type { AppSession } from "@/lib/session/app-session";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

async function usageTransfersMicros(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ total: string }>(sql`
    select coalesce(sum(t.amount_micros), 0)::text as total from transfers t
    join ledger_accounts l on l.id = t.from_account_id where l.billing_account_id = ${accountId} and t.kind = 'usage'`);
  return BigInt(rows.rows[0]!.total);
}

let account: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  const db = getDb();
  [account, other] = await Promise.all([createTestAccount(), createTestAccount()]);
  // 40 hours of usage in two spaces, in four batches (four usage transfers), plus an adjustment.
  for (let batch = 0; batch < 4; batch++) {
    const records = Array.from({ length: 10 }, (_, index) => index + batch * 10).flatMap((hoursAgo) =>
      ["alpha", "beta"].map((space) => ({
        id: `account-test:${account.accountId}:${space}:${hoursAgo}`,
        account: account.accountId,
        space,
        hour: new Date(hourAgo(hoursAgo)),
        usage: { ...emptyUsage(), cpu_ms: 1_234_567n * BigInt(hoursAgo + 1), messages: 7_777n, third_party_calls: space === "beta" ? 33n : 0n },
      })),
    );
    await ingestUsage(db, records);
  }
  await ingestUsage(db, [{ id: `account-test:${other.accountId}`, account: other.accountId, space: "gamma", hour: new Date(hourAgo(1)), usage: { ...emptyUsage(), messages: 5_000n } }]);
  await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const ledger = await tx.execute<{ id: string }>(sql`select id::text from ledger_accounts where billing_account_id = ${account.accountId}`);
    await postCustomerTransfers(tx, [
      { idempotencyKey: `account-test:adjust:${randomUUID()}`, kind: "adjustment", fromAccountId: system.adjustments, toAccountId: BigInt(ledger.rows[0]!.id), amountMicros: 1_500_001n, reason: "Goodwill credit" },
    ], "test adjustment");
  });
});

describe("statement", () => {
  it("adds up to the balance on every page, newest first", async () => {
    const session = sessionOf(account);
    const rows: StatementRow[] = [];
    let before: string | undefined;
    let balance = 0n;
    do {
      const page = await getStatementPage(getDb(), session, { filter: "all", before, limit: 2 });
      balance = page.balanceMicros;
      rows.push(...page.rows);
      before = page.nextCursor ?? undefined;
    } while (before);
    // The fixture's usage passes the -$5 floor in its third batch: that batch and the fourth each come
    // with a write-off of the part past the floor (issue 17 bug 8), which the statement adds up too.
    expect(rows.map((row) => row.kind).sort()).toEqual(["adjustment", "grant", "usage", "usage", "usage", "usage", "usage_write_off", "usage_write_off"]);
    expect(rows.reduce((sum, row) => sum + row.amountMicros, 0n)).toBe(balance);
    expect(rows[0]!.balanceAfterMicros).toBe(balance);
    rows.forEach((row, index) => {
      const older = rows[index + 1];
      expect(row.balanceAfterMicros - row.amountMicros).toBe(older ? older.balanceAfterMicros : 0n);
    });
  });

  it("keeps the true balance after each movement when filtered, and in the CSV rows", async () => {
    const session = sessionOf(account);
    const all = await getStatementMovements(getDb(), session, "all");
    const usage = await getStatementPage(getDb(), session, { filter: "usage" });
    // The usage filter keeps the write-offs of usage past the floor beside the usage they offset.
    const charged = usage.rows.filter((row) => row.kind === "usage");
    expect(charged).toHaveLength(4);
    expect(usage.rows.filter((row) => row.kind === "usage_write_off")).toHaveLength(usage.rows.length - 4);
    for (const row of usage.rows) {
      expect(row.balanceAfterMicros).toBe(all.find((movement) => movement.entryId === row.entryId)!.balanceAfterMicros);
    }
    expect(all.at(-1)!.balanceAfterMicros).toBe(usage.balanceMicros);
    expect(-charged.reduce((sum, row) => sum + row.amountMicros, 0n)).toBe(await usageTransfersMicros(account.accountId));
  });

  it("shows only the session's own account", async () => {
    const page = await getStatementPage(getDb(), sessionOf(other), { filter: "all" });
    expect(page.rows.map((row) => row.kind).sort()).toEqual(["grant", "usage"]);
  });
});

describe("usage figures", () => {
  it("keeps the daily rollup equal to the hours it sums", async () => {
    const sums = await getDb().execute<{ hours: string; days: string }>(sql`
      select (select sum(cpu_ms_cost + messages_cost + third_party_calls_cost)::text from usage_hours where account_id = ${account.accountId}) as hours,
        (select sum(cpu_ms_cost + messages_cost + third_party_calls_cost)::text from usage_days where account_id = ${account.accountId}) as days`);
    expect(sums.rows[0]!.days).toBe(sums.rows[0]!.hours);
  });

  it("keeps the account-hour rollup equal to the hours it sums, hour by hour, when an hour is reported twice", async () => {
    const fresh = await createTestAccount();
    const record = (id: string, messages: bigint) => ({
      id: `account-test:${fresh.accountId}:${id}`,
      account: fresh.accountId,
      space: "delta",
      hour: new Date(hourAgo(3)),
      usage: { ...emptyUsage(), messages },
    });
    await ingestUsage(getDb(), [record("first", 9_000n)]);
    await ingestUsage(getDb(), [record("second", 11_000n)]); // the same space-hour: an update of usage_hours
    for (const checked of [account, fresh]) {
      const differing = await getDb().execute(sql`
        select h.hour from (select hour, sum(${costSum()}) as cost from usage_hours where account_id = ${checked.accountId} group by hour) h
        full join (select hour, cost_micros from usage_account_hours where account_id = ${checked.accountId}) a on a.hour = h.hour
        where h.cost is distinct from a.cost_micros`);
      expect(differing.rows).toEqual([]);
    }
    const rollup = await getDb().execute<{ total: string }>(sql`
      select sum(cost_micros)::text as total from usage_account_hours where account_id = ${fresh.accountId}`);
    expect(BigInt(rollup.rows[0]!.total)).toBe(await usageTransfersMicros(fresh.accountId));
  });

  it("equal the usage transfers on the dashboard, usage page and spaces page", async () => {
    const session = sessionOf(account);
    const billed = await usageTransfersMicros(account.accountId);
    expect(billed).toBeGreaterThan(0n);
    const now = new Date();
    const days = resolveUsageSelection({ range: "30d", group: "resource", page: 1 }, now);
    const hours = resolveUsageSelection({ range: "7d", group: "space", page: 1 }, now);
    const [dashboard, byResource, bySpace] = await Promise.all([
      getDashboard(getDb(), session, now),
      getUsageReport(getDb(), session, days),
      getUsageReport(getDb(), session, hours),
    ]);
    expect(byResource.totalCostMicros).toBe(billed);
    expect(bySpace.totalCostMicros).toBe(billed);
    let rowsTotal = 0n;
    for (let page = 1; page <= bySpace.pageCount; page++) {
      const report = await getUsageReport(getDb(), session, { ...hours, page });
      rowsTotal += report.rows.reduce((sum, row) => sum + row.costMicros, 0n);
    }
    expect(bySpace.pageCount).toBeGreaterThan(1);
    expect(rowsTotal).toBe(billed);
    expect(dashboard.last30Days.reduce((sum, point) => sum + point.costMicros, 0n)).toBe(billed);
    expect(dashboard.runway.kind).toBe("estimate");
    const spaces = await getSpaceCosts(getDb(), session, now);
    expect(spaces.spaces.map((space) => space.name).sort()).toEqual(["alpha", "beta"]);
    // The month may have begun within the last 40 hours; the spaces page counts this month only.
    expect(spaces.totalMicros).toBe(dashboard.monthToDateMicros);
  });
});
