import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rateUnits } from "@/lib/billing/rate-units";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { estimateMonthlyCost, type MonthlyUsage, type PublicRateCard } from "./estimate";
import { EXAMPLE_APPS } from "./example-apps";
import { formatPrice } from "./format-price";
import { hourlyUsages } from "./hourly-records";
import { parseUsageInput } from "./usage-fields";

// Rate card v1 as the seed migration stores it.
const seedCard: PublicRateCard = {
  version: 1,
  effectiveFrom: "2020-01-01T00:00:00.000Z",
  publishedAt: "2026-11-29T15:40:00.000Z",
  rates: [
    ["cpu_ms", "CPU-hour", "40000", "3600000"],
    ["memory_bytes", "GiB-hour", "5000", "1073741824"],
    ["connections", "100 connection-hours", "10000", "100"],
    ["documents", "1,000 document-hours", "10000", "1000"],
    ["messages", "million messages", "250000", "1000000"],
    ["bandwidth_bytes", "GB", "50000", "1000000000"],
    ["storage_bytes", "GiB-month", "20000", "783831531520"],
    ["first_party_calls", "1,000 calls", "100000", "1000"],
    ["third_party_calls", "1,000 calls", "200000", "1000"],
  ].map(([resource, unitLabel, priceMicros, perUnits]) => ({
    resource: resource as Resource,
    unitLabel: unitLabel!,
    priceMicros: priceMicros!,
    perUnits: perUnits!,
  })),
};

const amount = (max: bigint) => fc.bigInt({ min: 0n, max });
const usageArbitrary: fc.Arbitrary<MonthlyUsage> = fc.record({
  cpuHours: amount(100_000n),
  memoryMib: amount(1_000_000n),
  connections: amount(1_000_000n),
  documents: amount(1_000_000n),
  messages: amount(10n ** 11n),
  bandwidthGb: amount(1_000_000n),
  storageGib: amount(100_000n),
  firstPartyCalls: amount(10n ** 10n),
  thirdPartyCalls: amount(10n ** 10n),
});
const cardArbitrary: fc.Arbitrary<PublicRateCard> = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.bigInt({ min: 1n, max: 10n ** 12n })), {
    minLength: RESOURCES.length,
    maxLength: RESOURCES.length,
  })
  .map((prices) => ({
    version: 2,
    effectiveFrom: "2030-01-01T00:00:00.000Z",
    publishedAt: "2029-12-01T00:00:00.000Z",
    rates: RESOURCES.map((resource, index) => ({
      resource,
      unitLabel: "unit",
      priceMicros: prices[index]![0].toString(),
      perUnits: prices[index]![1].toString(),
    })),
  }));

/** How billing charges a month: every hourly record rated in turn, fractions carried per resource. */
function billRecordByRecord(card: PublicRateCard, usage: MonthlyUsage, seed: number): bigint {
  const carries = new Map<Resource, bigint>();
  let billed = 0n;
  for (const record of hourlyUsages(usage, seed)) {
    for (const rate of card.rates) {
      const price = { priceMicros: BigInt(rate.priceMicros), perUnits: BigInt(rate.perUnits) };
      const rated = rateUnits(price, record[rate.resource], carries.get(rate.resource) ?? 0n);
      carries.set(rate.resource, rated.carry);
      billed += rated.micros;
    }
  }
  return billed;
}

describe("the pricing calculator", () => {
  it("equals billing's record-by-record rating of the same month, to the micro-dollar", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(seedCard), cardArbitrary), usageArbitrary, fc.integer(), (card, usage, seed) => {
        expect(estimateMonthlyCost(card, usage).totalMicros).toBe(billRecordByRecord(card, usage, seed));
      }),
      { numRuns: 150 },
    );
  });

  it("prices the example apps on the seed card", () => {
    const totals = EXAMPLE_APPS.map((app) => estimateMonthlyCost(seedCard, app.usage).totalMicros);
    expect(totals.every((total) => total > 0n)).toBe(true);
    // The team whiteboard (lib/pricing/app-profile.test.ts): 4 CPU-hours ($0.16), 192 MiB × 730 h
    // ($0.684375), 12 × 730 connection-hours ($0.876), 3 × 730 document-hours ($0.0219), 2,555,000
    // messages ($0.63875), 1 GB ($0.05), 1 GiB-month ($0.02) and 14,600 platform calls ($1.46).
    expect(totals[0]).toBe(3_911_025n);
  });

  it("reads inputs as whole numbers only, exactly", () => {
    expect(parseUsageInput("1,250,000")).toBe(1_250_000n);
    expect(parseUsageInput("")).toBe(0n);
    expect(parseUsageInput("999999999999")).toBe(999_999_999_999n);
    for (const bad of ["1.5", "-3", "1e6", "abc", "9999999999999"]) expect(parseUsageInput(bad)).toBeUndefined();
  });

  it("shows sub-cent prices with the digits they need", () => {
    expect(formatPrice(40_000n)).toBe("$0.04");
    expect(formatPrice(5_000n)).toBe("$0.005");
    expect(formatPrice(250_000n)).toBe("$0.25");
  });
});
