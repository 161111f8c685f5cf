import "server-only";
import { z } from "zod";
import type { RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import type { RateCard } from "@/lib/billing/rate-cards";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import type { RateDraftEntry } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const digitsSchema = z.string().regex(/^\d{1,19}$/);

/** A draft's stored prices: every resource once, each an exact rational `priceMicros / perUnits`. */
export const rateDraftEntriesSchema = z
  .array(
    z.object({
      resource: z.enum(RESOURCES),
      unitLabel: z.string().min(1),
      priceMicros: digitsSchema,
      perUnits: digitsSchema,
    }),
  )
  .refine(
    (entries) => RESOURCES.every((resource) => entries.filter((entry) => entry.resource === resource).length === 1),
    {
      message: "A draft prices every resource once.",
    },
  );

/** The stored JSON as card entries (bigints), in RESOURCES order; a row that is not a whole card is a bug, not input. */
export function draftEntriesOf(stored: unknown): RateCardEntryInput[] {
  const parsed = rateDraftEntriesSchema.safeParse(stored);
  if (!parsed.success) throw new AppError("invariant_violated", { message: "A rate card draft is not a whole card." });
  return RESOURCES.map((resource) => {
    const entry = parsed.data.find((candidate) => candidate.resource === resource)!;
    return {
      resource,
      unitLabel: entry.unitLabel,
      priceMicros: BigInt(entry.priceMicros),
      perUnits: BigInt(entry.perUnits),
    };
  });
}

/** Card entries as the draft's JSON column stores them (digit strings: JSON has no bigint). */
export function toStoredEntries(entries: RateCardEntryInput[]): RateDraftEntry[] {
  return entries.map((entry) => ({
    resource: entry.resource,
    unitLabel: entry.unitLabel,
    priceMicros: entry.priceMicros.toString(),
    perUnits: entry.perUnits.toString(),
  }));
}

/** A published card's entries, to start a draft from. */
export function entriesOfCard(card: RateCard): RateCardEntryInput[] {
  return RESOURCES.map((resource) => {
    const entry = card.entries.get(resource);
    if (!entry)
      throw new AppError("invariant_violated", { message: `Rate card v${card.version} has no price for ${resource}.` });
    return { resource, unitLabel: entry.unitLabel, priceMicros: entry.priceMicros, perUnits: entry.perUnits };
  });
}

/** Whether price a is more than price b, as exact rationals (cross-multiplied: no division, no float). */
export function isDearer(
  a: { priceMicros: bigint; perUnits: bigint },
  b: { priceMicros: bigint; perUnits: bigint },
): boolean {
  return a.priceMicros * b.perUnits > b.priceMicros * a.perUnits;
}

/** The resources whose price `next` raises over `previous`, in RESOURCES order (the pricing page's). */
export function raisedResources(previous: RateCard | undefined, next: RateCardEntryInput[]): Resource[] {
  if (!previous) return [];
  return RESOURCES.filter((resource) => {
    const after = next.find((entry) => entry.resource === resource);
    const before = previous.entries.get(resource);
    return after !== undefined && before !== undefined && isDearer(after, before);
  });
}
