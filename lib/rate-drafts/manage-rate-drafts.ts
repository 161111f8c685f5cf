import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { listRateCards } from "@/lib/billing/rate-cards";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { rateCardDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { draftEntriesOf, entriesOfCard, toStoredEntries } from "./draft-entries";
import { parseDecimalPrice } from "./parse-price";

export type UpdateRateDraftOptions = {
  draftId: bigint;
  name: string;
  /** Each resource's price as typed: dollars per the unit the form shows. */
  prices: Record<Resource, string>;
};

/**
 * A new draft (operators only), starting from the latest published card (a scheduled one if there is
 * one: the draft is what comes after it), so an operator changes only the prices they mean to.
 */
export async function createRateDraft(
  db: Database,
  session: AppSession | null,
  options: { name: string },
): Promise<{ id: bigint }> {
  const admin = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const latest = (await listRateCards(tx)).at(-1);
    if (!latest) throw new AppError("unavailable", { message: "No rate card has been published yet." });
    const [created] = await tx
      .insert(rateCardDrafts)
      .values({ name: options.name, entries: toStoredEntries(entriesOfCard(latest)), createdBy: admin.user.id })
      .returning();
    if (!created) throw new Error("rate_card_drafts insert returned nothing");
    await recordAudit(tx, {
      session: admin,
      action: "rate-draft.create",
      target: `rate-draft:${created.id}`,
      before: null,
      after: { name: created.name, from: `v${latest.version}`, entries: created.entries },
    });
    return { id: created.id };
  });
}

/**
 * Sets a draft's name and prices (operators only). Every price is parsed exactly (parseDecimalPrice);
 * one that is not a price refuses the whole form, naming each bad field, and changes nothing. Units stay
 * those of the card the draft started from. A published draft is the record of its card: refused.
 */
export async function updateRateDraft(
  db: Database,
  session: AppSession | null,
  options: UpdateRateDraftOptions,
): Promise<void> {
  const admin = requireAdmin(session);
  const problems: Array<{ path: string; message: string }> = [];
  const micros = new Map<Resource, bigint>();
  for (const resource of RESOURCES) {
    const parsed = parseDecimalPrice(options.prices[resource]);
    if (parsed.ok) micros.set(resource, parsed.micros);
    else problems.push({ path: `price_${resource}`, message: parsed.message });
  }
  if (problems.length > 0)
    throw new AppError("validation_failed", { message: problems[0]!.message, details: { fields: problems } });
  await runTransaction(db, async (tx) => {
    const [draft] = await tx.select().from(rateCardDrafts).where(eq(rateCardDrafts.id, options.draftId)).for("update");
    if (!draft) throw new AppError("not_found", { message: "That draft does not exist (it may have been discarded)." });
    if (draft.publishedVersion !== null)
      throw new AppError("conflict", {
        message: `This draft was published as v${draft.publishedVersion}; start a new draft to change prices.`,
      });
    const entries = draftEntriesOf(draft.entries).map((entry) => ({
      ...entry,
      priceMicros: micros.get(entry.resource)!,
    }));
    const stored = toStoredEntries(entries);
    await tx
      .update(rateCardDrafts)
      .set({ name: options.name, entries: stored, updatedAt: sql`now()` })
      .where(eq(rateCardDrafts.id, draft.id));
    await recordAudit(tx, {
      session: admin,
      action: "rate-draft.update",
      target: `rate-draft:${draft.id}`,
      before: { name: draft.name, entries: draft.entries },
      after: { name: options.name, entries: stored },
    });
  });
}

/** Deletes a draft that was never published (operators only): nothing was ever priced from it. */
export async function discardRateDraft(db: Database, session: AppSession | null, draftId: bigint): Promise<void> {
  const admin = requireAdmin(session);
  await runTransaction(db, async (tx) => {
    const [discarded] = await tx
      .delete(rateCardDrafts)
      .where(and(eq(rateCardDrafts.id, draftId), isNull(rateCardDrafts.publishedVersion)))
      .returning();
    if (!discarded) throw new AppError("not_found", { message: "That draft does not exist or was published." });
    await recordAudit(tx, {
      session: admin,
      action: "rate-draft.discard",
      target: `rate-draft:${draftId}`,
      before: { name: discarded.name, entries: discarded.entries },
      after: null,
    });
  });
}
