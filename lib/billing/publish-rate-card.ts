import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { RESOURCES, type Resource } from "./resources";

export type RateCardEntryInput = { resource: Resource; unitLabel: string; priceMicros: bigint; perUnits: bigint };

export type PublishRateCardOptions = { effectiveFrom: Date; entries: RateCardEntryInput[]; now?: Date };

/**
 * Publishes the next rate card version. It takes effect on a whole hour that has not started yet, so
 * usage already metered (or being metered this hour) is never repriced: never retroactive.
 */
export async function publishRateCard(db: Database, options: PublishRateCardOptions): Promise<{ version: number }> {
  const effective = options.effectiveFrom;
  const now = options.now ?? new Date();
  if (effective.getTime() % 3_600_000 !== 0) {
    throw new AppError("validation_failed", { message: "A rate card takes effect on a whole hour (UTC)." });
  }
  if (effective.getTime() <= now.getTime()) {
    throw new AppError("validation_failed", { message: "A rate card can only take effect from a future hour." });
  }
  const resources = new Set(options.entries.map((entry) => entry.resource));
  if (resources.size !== RESOURCES.length || options.entries.length !== RESOURCES.length) {
    throw new AppError("validation_failed", { message: `A rate card prices each resource once: ${RESOURCES.join(", ")}.` });
  }
  for (const entry of options.entries) {
    if (entry.priceMicros < 0n || entry.perUnits <= 0n) {
      throw new AppError("validation_failed", { message: `${entry.resource}: the price must be ≥ 0 per a positive number of units.` });
    }
  }
  return runTransaction(db, async (tx) => {
    // One publisher at a time, so versions stay dense and ordered like their effective hours.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform:rate-cards'))`);
    const latest = await tx.execute<{ version: number; effective_from: string }>(sql`
      select version, effective_from::text from rate_cards order by version desc limit 1`);
    const previous = latest.rows[0];
    if (previous && new Date(previous.effective_from).getTime() >= effective.getTime()) {
      throw new AppError("conflict", { message: `Version ${previous.version} already takes effect at or after that hour.` });
    }
    const version = (previous?.version ?? 0) + 1;
    const card = await tx.execute<{ id: number }>(sql`
      insert into rate_cards (version, effective_from) values (${version}, ${effective.toISOString()}) returning id`);
    const rows = options.entries.map((entry) => ({
      card_id: card.rows[0]!.id,
      resource: entry.resource,
      unit_label: entry.unitLabel,
      price_micros: entry.priceMicros.toString(),
      per_units: entry.perUnits.toString(),
    }));
    await tx.execute(sql`
      insert into rate_card_entries (card_id, resource, unit_label, price_micros, per_units)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as t(card_id int, resource text, unit_label text, price_micros bigint, per_units bigint)`);
    return { version };
  });
}
