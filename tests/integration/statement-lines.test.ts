// The statement's lines (issue 17 bug 4) against the ledger on real Postgres: usage grouped by UTC
// day and space, each line naming its hours, still adding up to the balance to the micro-dollar across
// pages, with several batches across days and spaces and one batch that spans two days.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStatementLines, STATEMENT_PAGE_DAYS } from "@/lib/account/get-statement-lines";
import { formatHours, type StatementLine, type UsageLine } from "@/lib/account/statement-lines";
import { costSum } from "@/lib/account/usage-sql";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { AppSession } from "@/lib/session/app-session";
import { billedUsageMicros, cachedBalance, createTestAccount, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const today = Math.floor(Date.now() / DAY) * DAY;
/** An hour `daysAgo` UTC days before today's midnight, at `hourOfDay`. */
const at = (daysAgo: number, hourOfDay: number) => new Date(today - daysAgo * DAY + hourOfDay * HOUR);
const dayOf = (daysAgo: number) => new Date(today - daysAgo * DAY).toISOString().slice(0, 10);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + DAY).toISOString() };
}

let account: TestAccount;
let other: TestAccount;

function record(owner: TestAccount, space: string, hour: Date, cpu: bigint) {
  return {
    id: `statement-lines:${owner.accountId}:${space}:${hour.toISOString()}`,
    account: owner.accountId,
    space,
    hour,
    usage: { ...emptyUsage(), cpu_ms: 1_234_567n * cpu, messages: 7_777n, third_party_calls: space === "beta" ? 33n : 0n },
  };
}

async function allLines(owner: TestAccount, filter: "all" | "usage" = "all"): Promise<StatementLine[]> {
  const lines: StatementLine[] = [];
  let before: string | undefined;
  let pages = 0;
  do {
    const page = await getStatementLines(getDb(), sessionOf(owner), { filter, before });
    lines.push(...page.lines);
    before = page.nextCursor ?? undefined;
    pages++;
  } while (before && pages < 20);
  return lines;
}

beforeAll(async () => {
  const db = getDb();
  [account, other] = await Promise.all([createTestAccount(), createTestAccount()]);
  // Ten days ago (its own page), three and two days ago in two spaces, a batch from 22:00 three days
  // ago to 01:00 two days ago (spanning two days), and a late record for three days ago sent last.
  await ingestUsage(db, [record(account, "alpha", at(10, 5), 3n), record(account, "alpha", at(10, 6), 4n)]);
  await ingestUsage(db, [9, 10, 11].flatMap((hour) => [record(account, "alpha", at(3, hour), BigInt(hour)), record(account, "beta", at(3, hour), 2n)]));
  await ingestUsage(db, [22, 23, 24, 25].map((hour) => record(account, "beta", at(3, hour), BigInt(hour))));
  await ingestUsage(db, [record(account, "alpha", at(2, 14), 5n), record(account, "gamma", at(2, 15), 1n)]);
  await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const ledger = await tx.execute<{ id: string }>(sql`select id::text from ledger_accounts where billing_account_id = ${account.accountId}`);
    await postCustomerTransfers(
      tx,
      [{ idempotencyKey: `statement-lines:${randomUUID()}`, kind: "adjustment", fromAccountId: system.adjustments, toAccountId: BigInt(ledger.rows[0]!.id), amountMicros: 1_500_001n, reason: "Goodwill credit" }],
      "test adjustment",
    );
  });
  await ingestUsage(db, [record(account, "alpha", at(3, 2), 9n)]);
  await ingestUsage(db, [record(other, "delta", at(1, 3), 1n)]);
});

describe("statement lines", () => {
  it("add up to the balance exactly, page after page: opening + lines = closing, each balance after following the last", async () => {
    const lines = await allLines(account);
    // The grant and the adjustment were posted today, after the hours they follow here.
    expect(lines.map((line) => (line.type === "usage" ? line.day : line.movement.kind))).toEqual(["adjustment", "grant", dayOf(2), dayOf(3), dayOf(10)]);
    const balance = await cachedBalance(account.accountId);
    expect(lines[0]!.balanceAfterMicros).toBe(balance);
    expect(lines.reduce((sum, line) => sum + line.amountMicros, 0n)).toBe(balance);
    lines.forEach((line, index) => {
      const older = lines[index + 1];
      expect(line.balanceAfterMicros - line.amountMicros, `line ${index}`).toBe(older ? older.balanceAfterMicros : 0n);
    });
    const usage = lines.filter((line): line is UsageLine => line.type === "usage");
    expect(-usage.reduce((sum, line) => sum + line.amountMicros, 0n)).toBe(await billedUsageMicros(account.accountId));
  });

  it("group usage by UTC day and space, naming the hours: a batch spanning midnight is split between its days", async () => {
    const usage = (await allLines(account)).filter((line): line is UsageLine => line.type === "usage");
    const described = usage.map((line) => ({
      day: line.day,
      hours: formatHours(line.firstHour, line.lastHour),
      spaces: Object.fromEntries(line.spaces.map((space) => [space.name, formatHours(space.firstHour, space.lastHour)])),
    }));
    expect(described).toEqual([
      { day: dayOf(2), hours: "00:00–15:59 UTC", spaces: { alpha: "14:00–14:59 UTC", beta: "00:00–01:59 UTC", gamma: "15:00–15:59 UTC" } },
      { day: dayOf(3), hours: "02:00–23:59 UTC", spaces: { alpha: "02:00–11:59 UTC", beta: "09:00–23:59 UTC" } },
      { day: dayOf(10), hours: "05:00–06:59 UTC", spaces: { alpha: "05:00–06:59 UTC" } },
    ]);
    // Each line equals that day's usage on the usage page (the daily rollup), space by space.
    for (const line of usage) {
      const days = await getDb().execute<{ name: string; cost: string }>(sql`
        select s.name, sum(${costSum("d")})::text as cost from usage_days d join spaces s on s.id = d.space_id
        where d.account_id = ${account.accountId} and d.day = ${`${line.day}T00:00:00Z`}::timestamptz group by s.name`);
      expect(Object.fromEntries(line.spaces.map((space) => [space.name, space.costMicros.toString()]))).toEqual(
        Object.fromEntries(days.rows.map((row) => [row.name, row.cost])),
      );
      expect(line.spaces.reduce((sum, space) => sum + space.costMicros, 0n)).toBe(-line.amountMicros);
    }
  });

  it("pages by UTC days with no empty page between, and keeps the true balances under a filter", async () => {
    const first = await getStatementLines(getDb(), sessionOf(account), { filter: "all" });
    expect(first.days).toEqual({ first: dayOf(STATEMENT_PAGE_DAYS - 1), last: dayOf(0) });
    expect(first.nextCursor).toBe(dayOf(STATEMENT_PAGE_DAYS - 1));
    const second = await getStatementLines(getDb(), sessionOf(account), { filter: "all", before: first.nextCursor! });
    expect(second.days!.last).toBe(dayOf(10));
    const all = await allLines(account);
    const usageOnly = await allLines(account, "usage");
    expect(usageOnly.every((line) => line.type === "usage")).toBe(true);
    expect(usageOnly.map((line) => line.balanceAfterMicros)).toEqual(all.filter((line) => line.type === "usage").map((line) => line.balanceAfterMicros));
  });

  it("shows only the session's own account and refuses a cursor that is not a day", async () => {
    const lines = await allLines(other);
    // The grant was posted now, after yesterday's hour: newest first, it comes first.
    expect(lines.map((line) => (line.type === "usage" ? line.spaces.map((space) => space.name) : line.movement.kind))).toEqual(["grant", ["delta"]]);
    for (const before of ["9223372036854775807", "2026-02-30", "2026-12-05T00:00", "1\u0000"]) {
      await expect(getStatementLines(getDb(), sessionOf(account), { filter: "all", before })).rejects.toMatchObject({ code: "validation_failed" });
    }
  });
});
