import "server-only";
import { desc } from "drizzle-orm";
import { listRateCards, type RateCard } from "@/lib/billing/rate-cards";
import type { Queryable } from "@/lib/db/client";
import { rateCardDrafts, rateCards } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type RateCardStatus = "in force" | "scheduled" | "past";

export type RateCardRow = RateCard & { publishedAt: Date; status: RateCardStatus };

export type RateDraftRow = {
  id: bigint;
  name: string;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
};

export type RateCardsOverview = {
  current: RateCardRow | undefined;
  scheduled: RateCardRow[];
  /** Every card, newest version first. */
  history: RateCardRow[];
  drafts: RateDraftRow[];
};

/** /admin/rates: the card in force at `now`, any scheduled ones, the whole history and the drafts (operators only). */
export async function getRateCardsOverview(
  db: Queryable,
  session: AppSession | null,
  now = new Date(),
): Promise<RateCardsOverview> {
  requireAdmin(session);
  const [cards, published, drafts] = await Promise.all([
    listRateCards(db),
    db.select({ id: rateCards.id, createdAt: rateCards.createdAt }).from(rateCards),
    db
      .select({
        id: rateCardDrafts.id,
        name: rateCardDrafts.name,
        publishedVersion: rateCardDrafts.publishedVersion,
        createdAt: rateCardDrafts.createdAt,
        updatedAt: rateCardDrafts.updatedAt,
      })
      .from(rateCardDrafts)
      .orderBy(desc(rateCardDrafts.updatedAt))
      .limit(100),
  ]);
  const publishedAt = new Map(published.map((row) => [row.id, row.createdAt]));
  // Cards come oldest first: the last one not after `now` is in force.
  const inForce = cards.filter((card) => card.effectiveFrom.getTime() <= now.getTime()).at(-1);
  const rows = cards.map((card): RateCardRow => ({
    ...card,
    publishedAt: publishedAt.get(card.id) ?? card.effectiveFrom,
    status: card === inForce ? "in force" : card.effectiveFrom.getTime() > now.getTime() ? "scheduled" : "past",
  }));
  return {
    current: rows.find((row) => row.status === "in force"),
    scheduled: rows.filter((row) => row.status === "scheduled"),
    history: [...rows].reverse(),
    drafts,
  };
}
