import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { Resource } from "./resources";
import type { Price } from "./rate-units";

export type RateCardEntry = Price & { resource: Resource; unitLabel: string };
export type RateCard = { id: number; version: number; effectiveFrom: Date; entries: Map<Resource, RateCardEntry> };

/** Every rate card, oldest first. Few and small: loaded whole. */
export async function listRateCards(db: Queryable): Promise<RateCard[]> {
  const rows = await db.execute<{
    id: number;
    version: number;
    effective_from: string;
    resource: Resource;
    unit_label: string;
    price_micros: string;
    per_units: string;
  }>(sql`
    select c.id, c.version, c.effective_from::text, e.resource, e.unit_label, e.price_micros::text, e.per_units::text
    from rate_cards c join rate_card_entries e on e.card_id = c.id
    order by c.effective_from, e.resource`);
  const cards = new Map<number, RateCard>();
  for (const row of rows.rows) {
    let card = cards.get(row.id);
    if (!card) {
      card = { id: row.id, version: row.version, effectiveFrom: new Date(row.effective_from), entries: new Map() };
      cards.set(row.id, card);
    }
    card.entries.set(row.resource, {
      resource: row.resource,
      unitLabel: row.unit_label,
      priceMicros: BigInt(row.price_micros),
      perUnits: BigInt(row.per_units),
    });
  }
  return [...cards.values()];
}

/** The card in force for `hour`: the latest whose effective hour is not after it. */
export function cardForHour(cards: RateCard[], hour: Date): RateCard | undefined {
  let found: RateCard | undefined;
  for (const card of cards) {
    if (card.effectiveFrom.getTime() <= hour.getTime()) found = card;
  }
  return found;
}
