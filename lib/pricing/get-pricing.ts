import "server-only";
import { getDb } from "@/lib/db/client";
import { rateCards } from "@/lib/db/schema";
import { cardForHour, listRateCards, type RateCard } from "@/lib/billing/rate-cards";
import { RESOURCES } from "@/lib/billing/resources";
import { AppError } from "@/lib/errors";
import type { PublicRateCard } from "./estimate";
import type { Pricing } from "./pricing-page-call";

function toPublicCard(card: RateCard, publishedAt: Date): PublicRateCard {
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
  return {
    version: card.version,
    effectiveFrom: card.effectiveFrom.toISOString(),
    publishedAt: publishedAt.toISOString(),
    rates,
  };
}

/** The rate card in force at `now` and the next one, if operators have published one (/pricing reads it through pricingRead). */
export async function getPricing(now = new Date()): Promise<Pricing> {
  const db = getDb();
  // The row's created_at is when the card was published (the migration that seeded v1, or
  // publishRateCard): v1's effective_from is a placeholder long past, not a date to show anyone.
  const [cards, published] = await Promise.all([
    listRateCards(db),
    db.select({ id: rateCards.id, createdAt: rateCards.createdAt }).from(rateCards),
  ]);
  const publishedAt = new Map(published.map((row) => [row.id, row.createdAt]));
  const toPublic = (card: RateCard) => toPublicCard(card, publishedAt.get(card.id) ?? card.effectiveFrom);
  const current = cardForHour(cards, now);
  if (current === undefined) throw new AppError("unavailable", { message: "No rate card is in force." });
  const upcoming = cards.find((card) => card.effectiveFrom.getTime() > now.getTime());
  return { current: toPublic(current), upcoming: upcoming ? toPublic(upcoming) : null };
}
