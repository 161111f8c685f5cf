// The spaces page links to one space's usage (`/account/usage?…&space=<name>`): the usage page and its
// CSV then show that space alone, by resource or by space, and a space of another account shows nothing.
import { afterAll, describe, expect, it } from "vitest";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { usageSearchParams } from "@/lib/account/usage-range";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

async function usageIn(account: TestAccount, spaces: Record<string, bigint>): Promise<void> {
  await ingestUsage(getDb(), Object.entries(spaces).map(([space, messages]) => ({
    id: `space-filter:${account.accountId}:${space}`,
    account: account.accountId,
    space,
    hour: new Date(hourAgo(1)),
    usage: { ...emptyUsage(), messages },
  })));
}

describe("the usage page for one space", () => {
  it("shows that space's usage alone, keeps it in its links, and shows nothing of another account's space", async () => {
    const [account, other] = [await createTestAccount(), await createTestAccount()];
    await usageIn(account, { chess: 40_000n, whiteboard: 10_000n });
    await usageIn(other, { secret: 70_000n });
    const session = sessionOf(account);
    const all = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "24h" }));
    const chess = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "24h", space: "chess" }));
    const bySpace = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "24h", group: "space", space: "chess" }));

    expect(chess.totalCostMicros).toBeGreaterThan(0n);
    expect(chess.totalCostMicros).toBeLessThan(all.totalCostMicros);
    expect(bySpace.totalCostMicros).toBe(chess.totalCostMicros);
    expect(new Set(bySpace.rows.map((row) => row.space))).toEqual(new Set(["chess"]));
    // 40,000 of the 50,000 messages: exactly four fifths of the cost (messages are priced per message).
    expect(chess.totalCostMicros * 5n).toBe(all.totalCostMicros * 4n);
    expect(usageSearchParams(chess.selection)).toContain("space=chess");

    const stranger = await getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "24h", space: "secret" }));
    expect(stranger.totalCostMicros).toBe(0n);
    expect(stranger.rows).toEqual([]);
  });

  it("refuses a space name no space can have, and reads an empty one as every space", () => {
    expect(() => parseUsageSelectionOrThrow({ range: "24h", space: "x".repeat(201) })).toThrow(/space/);
    expect(parseUsageSelectionOrThrow({ range: "24h", space: "" }).space).toBeUndefined();
  });
});
