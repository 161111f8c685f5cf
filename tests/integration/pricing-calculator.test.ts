// The pricing calculator against the real thing: a month of hourly meter records ingested through the
// billing code (rating with carried fractions, ledger posting) costs exactly what the calculator says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { getDb } from "@/lib/db/client";
import { estimateMonthlyCost, HOURS_PER_MONTH, type MonthlyUsage } from "@/lib/pricing/estimate";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { getPricing } from "@/lib/pricing/get-pricing";
import { hourlyUsages } from "@/lib/pricing/hourly-records";
import { billedUsageMicros, createTestAccount } from "../support/billing-api";

const HOUR_MS = 3_600_000;
// A month well in the past: the card in force now has been in force for all of it (v1, from 2020).
const monthStart = Date.UTC(2026, 0, 1);

async function billMonth(usage: MonthlyUsage, seed: number): Promise<bigint> {
  const { accountId } = await createTestAccount();
  const records = hourlyUsages(usage, seed).map((hourly, index) => ({
    id: `calc-${accountId}-${index}`,
    account: accountId,
    space: "app",
    hour: new Date(monthStart + index * HOUR_MS),
    usage: hourly,
  }));
  expect(records).toHaveLength(Number(HOURS_PER_MONTH));
  await ingestUsage(getDb(), records);
  return billedUsageMicros(accountId);
}

const randomUsages = fc.sample(
  fc.record({
    cpuHours: fc.bigInt({ min: 0n, max: 5_000n }),
    memoryMib: fc.bigInt({ min: 0n, max: 65_536n }),
    connections: fc.bigInt({ min: 0n, max: 20_000n }),
    documents: fc.bigInt({ min: 0n, max: 50_000n }),
    messages: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    bandwidthGb: fc.bigInt({ min: 0n, max: 5_000n }),
    storageGib: fc.bigInt({ min: 0n, max: 2_000n }),
    firstPartyCalls: fc.bigInt({ min: 0n, max: 10n ** 8n }),
    thirdPartyCalls: fc.bigInt({ min: 0n, max: 10n ** 8n }),
  }),
  { numRuns: 4, seed: 7 },
);

describe("pricing calculator against billing", () => {
  it.each([...EXAMPLE_APPS.map((app) => app.usage), ...randomUsages].map((usage, index) => ({ usage, index })))(
    "month $index: the ledger's usage charges equal the calculator's estimate",
    async ({ usage, index }) => {
      const { current } = await getPricing(new Date(monthStart));
      const estimate = estimateMonthlyCost(current, usage).totalMicros;
      expect(await billMonth(usage, index + 1)).toBe(estimate);
    },
  );
});
