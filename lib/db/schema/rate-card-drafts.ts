import { integer, jsonb, bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/** One resource's price in a draft, as JSON (no bigint): `price_micros` per `per_units` units, both digit strings. */
export type RateDraftEntry = { resource: string; unitLabel: string; priceMicros: string; perUnits: string };

// An operator's rate card in the making (issue 18, "Rate cards"): edited, previewed and shadow-billed
// until it is published as the next rate_cards version (then `published_version` names it and the draft
// is read-only) or discarded (deleted: nothing prices from a draft). The prices are one JSON column: a
// draft is read and written whole, and every resource's price is exact (digit strings, never floats).
export const rateCardDrafts = pgTable("rate_card_drafts", {
  id: bigserial("id", { mode: "bigint" }).primaryKey(),
  name: text("name").notNull(),
  entries: jsonb("entries").$type<RateDraftEntry[]>().notNull(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  publishedVersion: integer("published_version"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
