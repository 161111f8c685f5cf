// The pricing calculator's arithmetic, shared by the server (example apps) and the browser (the
// calculator leaf). Pure and exact: units are bigint and each resource is priced with lib/billing's
// rateUnits, the function the billing API rates meter records with. A month of usage reported hour by
// hour and rated with carried fractions bills floor(total units × price / per units) per resource,
// which is what this computes from the month's totals (tested against record-by-record rating).
import { rateUnits } from "@/lib/billing/rate-units";
import { RESOURCES, type Resource } from "@/lib/billing/resources";

/** Hours in an average month (8,760 / 12), the month used for estimates. */
export const HOURS_PER_MONTH = 730n;
const MIB = 1_048_576n;
const GIB = 1_073_741_824n;

/** One card entry as it travels to the browser (bigints as decimal strings, so props stay plain JSON). */
export type PublicRate = { resource: Resource; unitLabel: string; priceMicros: string; perUnits: string };
/**
 * `effectiveFrom`: the first hour the card prices (v1's is a date long past, so that any usage hour the
 * billing API accepts has a card). `publishedAt`: when operators published it, the date people are shown
 * (the card is in force for them from the later of the two).
 */
export type PublicRateCard = { version: number; effectiveFrom: string; publishedAt: string; rates: PublicRate[] };

/** What a person knows about their app, per month, in whole human units. */
export type MonthlyUsage = {
  cpuHours: bigint;
  /** Memory held on average (the hourly p95), in MiB. */
  memoryMib: bigint;
  /** Connections open at once, on average. */
  connections: bigint;
  /** Documents live at once, on average. */
  documents: bigint;
  messages: bigint;
  bandwidthGb: bigint;
  storageGib: bigint;
  firstPartyCalls: bigint;
  thirdPartyCalls: bigint;
};

export type UsageField = keyof MonthlyUsage;

/**
 * The metered units a month of this usage produces. Counters are totals; gauges (memory, connections,
 * documents, storage) are levels reported every hour and billed per record-hour, so a month holds 730.
 */
export function monthlyUnits(usage: MonthlyUsage): Record<Resource, bigint> {
  return {
    cpu_ms: usage.cpuHours * 3_600_000n,
    memory_bytes: usage.memoryMib * MIB * HOURS_PER_MONTH,
    connections: usage.connections * HOURS_PER_MONTH,
    documents: usage.documents * HOURS_PER_MONTH,
    messages: usage.messages,
    bandwidth_bytes: usage.bandwidthGb * 1_000_000_000n,
    storage_bytes: usage.storageGib * GIB * HOURS_PER_MONTH,
    first_party_calls: usage.firstPartyCalls,
    third_party_calls: usage.thirdPartyCalls,
  };
}

export type EstimateLine = { resource: Resource; units: bigint; micros: bigint };
export type Estimate = { lines: EstimateLine[]; totalMicros: bigint };

/** The month's cost on `card`, per resource and in total, in micro-dollars. */
export function estimateMonthlyCost(card: PublicRateCard, usage: MonthlyUsage): Estimate {
  const units = monthlyUnits(usage);
  const lines = RESOURCES.flatMap((resource) => {
    const rate = card.rates.find((entry) => entry.resource === resource);
    if (rate === undefined) return [];
    const price = { priceMicros: BigInt(rate.priceMicros), perUnits: BigInt(rate.perUnits) };
    return [{ resource, units: units[resource], micros: rateUnits(price, units[resource], 0n).micros }];
  });
  return { lines, totalMicros: lines.reduce((sum, line) => sum + line.micros, 0n) };
}
