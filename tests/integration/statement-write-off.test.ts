// A usage write-off on the statement (issue 17 bugs 4 and 8): usage rated past the floor and credited
// back by a `usage_write_off` transfer shows as charged on its usage line and "not charged" on a line
// of its own that leaves the balance where it was; the lines still add up to the balance exactly.
// Ingestion posts the write-off itself (lib/billing, DESIGN section 4 "Bounds"), in the batch's transaction.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getStatementLines } from "@/lib/account/get-statement-lines";
import type { MovementLine, UsageLine } from "@/lib/account/statement-lines";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { billedUsageMicros, cachedBalance, createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

const FLOOR = -5_000_000n;

let account: TestAccount;
let writtenOff: bigint;

beforeAll(async () => {
  account = await createTestAccount();
  // 450 CPU-hours at $0.04 in this hour: $18.00 of usage against the $5 grant, $8.00 past the -$5 floor.
  await ingestUsage(getDb(), ["runaway", "steady"].map((space, index) => ({
    id: `statement-write-off:${account.accountId}:${space}`,
    account: account.accountId,
    space,
    hour: new Date(hourAgo(0)),
    usage: { ...emptyUsage(), cpu_ms: index === 0 ? 1_080_000_000n : 540_000_000n },
  })));
  // What the grant and the floor could not cover: $18.00 rated, $5.00 + $5.00 charged.
  writtenOff = (await billedUsageMicros(account.accountId)) - 10_000_000n;
});

it("shows the usage as charged down to the floor and the write-off as not charged, adding up exactly", async () => {
  expect(writtenOff).toBe(8_000_000n);
  const session: AppSession = { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
  const page = await getStatementLines(getDb(), session, { filter: "all" });
  const balance = await cachedBalance(account.accountId);
  expect(balance).toBe(FLOOR);
  expect(page.lines.map((line) => (line.type === "usage" ? "usage" : line.movement.kind))).toEqual(["usage_write_off", "usage", "grant"]);
  const [writeOff, usage, grant] = page.lines as [MovementLine, UsageLine, MovementLine];
  expect(writeOff).toMatchObject({ amountMicros: 0n, balanceAfterMicros: FLOOR, movement: { amountMicros: writtenOff } });
  expect(usage).toMatchObject({ ratedMicros: await billedUsageMicros(account.accountId), writtenOffMicros: writtenOff, amountMicros: -10_000_000n, balanceAfterMicros: FLOOR });
  expect(grant.balanceAfterMicros).toBe(5_000_000n);
  expect(page.lines.reduce((sum, line) => sum + line.amountMicros, 0n)).toBe(balance);
  expect(grant.balanceAfterMicros - grant.amountMicros).toBe(0n);
  // The usage filter keeps the write-off beside its usage, with the same balances.
  const usageOnly = await getStatementLines(getDb(), session, { filter: "usage" });
  expect(usageOnly.lines.map((line) => line.balanceAfterMicros)).toEqual([FLOOR, FLOOR]);
});
