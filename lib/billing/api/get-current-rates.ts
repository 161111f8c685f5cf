import "server-only";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cardForHour, listRateCards, type RateCard } from "@/lib/billing/rate-cards";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { formatMicros, rateUnits } from "@/lib/billing/rate-units";
import type { RateCardResponse, RatesResponse } from "./schemas";

const GIB = 1_073_741_824n;
const HOURS_PER_MONTH = 730n;

// One familiar quantity per resource. Gauges are billed per record-hour, so a level held for an hour
// (or, for storage, a 730-hour month of hourly records) is what a person would price.
const EXAMPLES: Record<Resource, { units: bigint; description: string }> = {
  cpu_ms: { units: 3_600_000n, description: "1 CPU-hour (3,600,000 cpu_ms)" },
  memory_bytes: { units: GIB, description: "1 GiB of memory held for one hour" },
  connections: { units: 100n, description: "100 connections open for one hour" },
  documents: { units: 1_000n, description: "1,000 documents live for one hour" },
  messages: { units: 1_000_000n, description: "1 million messages" },
  bandwidth_bytes: { units: 1_000_000_000n, description: "1 GB transferred" },
  storage_bytes: { units: GIB * HOURS_PER_MONTH, description: "1 GiB stored for a month (730 hourly records)" },
  first_party_calls: { units: 1_000n, description: "1,000 first-party calls" },
  third_party_calls: { units: 1_000n, description: "1,000 third-party calls" },
};

function presentCard(card: RateCard): RateCardResponse {
  const resources = RESOURCES.flatMap((resource) => {
    const entry = card.entries.get(resource);
    if (entry === undefined) return [];
    const example = EXAMPLES[resource];
    const cost = rateUnits(entry, example.units, 0n).micros;
    // Sub-cent prices keep the digits they need ($0.005) rather than rounding to $0.01 or $0.00.
    let decimals = 2;
    while (decimals < 6 && cost % 10n ** BigInt(6 - decimals) !== 0n) decimals++;
    const price = formatMicros(cost, { decimals });
    return [
      {
        resource,
        unit: entry.unitLabel,
        price_micros: entry.priceMicros.toString(),
        per_units: entry.perUnits.toString(),
        example: {
          units: example.units.toString(),
          cost_micros: cost.toString(),
          description: `${example.description} costs ${price}`,
        },
      },
    ];
  });
  return { version: card.version, effective_from: card.effectiveFrom.toISOString(), currency: "USD", resources };
}

/** The rate card in force at `now` and, when one is scheduled, the next, for the public rates endpoint. */
export async function getCurrentRates(db: Queryable, now = new Date()): Promise<RatesResponse> {
  const cards = await listRateCards(db);
  const current = cardForHour(cards, now);
  if (current === undefined) throw new AppError("unavailable", { message: "No rate card is in force." });
  const upcoming = cards.find((card) => card.effectiveFrom.getTime() > now.getTime());
  return { ...presentCard(current), ...(upcoming ? { upcoming: presentCard(upcoming) } : {}) };
}
