import "server-only";
import type { RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import { RESOURCES } from "@/lib/billing/resources";
import type { PublicRateCard } from "@/lib/pricing/estimate";

export type CardFigures = {
  version: number;
  effectiveFrom: Date;
  publishedAt: Date;
  entries: Map<string, RateCardEntryInput> | RateCardEntryInput[];
};

/**
 * A card (published, scheduled or a draft) as the pricing page's components take it, so the admin
 * area shows prices with the very table and calculator visitors see (components/marketing).
 */
export function toPublicRateCard(card: CardFigures): PublicRateCard {
  const entries = Array.isArray(card.entries) ? card.entries : [...card.entries.values()];
  return {
    version: card.version,
    effectiveFrom: card.effectiveFrom.toISOString(),
    publishedAt: card.publishedAt.toISOString(),
    rates: RESOURCES.flatMap((resource) => {
      const entry = entries.find((candidate) => candidate.resource === resource);
      return entry
        ? [
            {
              resource,
              unitLabel: entry.unitLabel,
              priceMicros: entry.priceMicros.toString(),
              perUnits: entry.perUnits.toString(),
            },
          ]
        : [];
    }),
  };
}
