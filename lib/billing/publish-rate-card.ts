import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { rateCardEntries, rateCards } from "@/lib/db/schema";
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
  return runTransaction(db, (tx) => publishRateCardIn(tx, options));
}

/**
 * publishRateCard inside the caller's transaction, so what else the publication owes (an operator's
 * audit entry, the customers' emails, lib/rate-drafts) commits with the card or not at all.
 */
export async function publishRateCardIn(tx: Transaction, options: PublishRateCardOptions): Promise<{ version: number }> {
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
  // One publisher at a time, so versions stay dense and ordered like their effective hours.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform:rate-cards'))`);
  const [previous] = await tx
    .select({ version: rateCards.version, effectiveFrom: rateCards.effectiveFrom })
    .from(rateCards)
    .orderBy(desc(rateCards.version))
    .limit(1);
  if (previous && previous.effectiveFrom.getTime() >= effective.getTime()) {
    throw new AppError("conflict", { message: `Version ${previous.version} already takes effect at or after that hour.` });
  }
  const version = (previous?.version ?? 0) + 1;
  const [card] = await tx.insert(rateCards).values({ version, effectiveFrom: effective }).returning({ id: rateCards.id });
  await tx.insert(rateCardEntries).values(
    options.entries.map((entry) => ({
      cardId: card!.id,
      resource: entry.resource,
      unitLabel: entry.unitLabel,
      priceMicros: entry.priceMicros,
      perUnits: entry.perUnits,
    })),
  );
  return { version };
}
