import "server-only";
import { getDb } from "@/lib/db/client";
import { cardForHour, listRateCards, type RateCard } from "@/lib/billing/rate-cards";
import { RESOURCES } from "@/lib/billing/resources";
import { AppError } from "@/lib/errors";
import type { PublicRateCard } from "./estimate";
import type { Pricing } from "./pricing-page-call";

function toPublicCard(card: RateCard): PublicRateCard {
  const rates = RESOURCES.flatMap((resource) => {
    const entry = card.entries.get(resource);
    if (entry === undefined) return [];
    return [
      {
        resource,
        unitLabel: entry.unitLabel,
        priceMicros: entry.priceMicros.toString(),
        perUnits: entry.perUnits.toString(),
      },
    ];
  });
  return { version: card.version, effectiveFrom: card.effectiveFrom.toISOString(), rates };
}

/** The rate card in force at `now` and the next one, if operators have published one (/pricing reads it through pricingPageCall). */
export async function getPricing(now = new Date()): Promise<Pricing> {
  const cards = await listRateCards(getDb());
  const current = cardForHour(cards, now);
  if (current === undefined) throw new AppError("unavailable", { message: "No rate card is in force." });
  const upcoming = cards.find((card) => card.effectiveFrom.getTime() > now.getTime());
  return { current: toPublicCard(current), upcoming: upcoming ? toPublicCard(upcoming) : null };
}
