import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishRateCardIn } from "@/lib/billing/publish-rate-card";
import type { Resource } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { rateCardDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { announceIfRaised } from "./announce-price-rise";
import { draftEntriesOf } from "./draft-entries";

export type PublishRateDraftOptions = {
  draftId: bigint;
  /** A whole UTC hour after `now`: a card is never retroactive, nor for the hour being metered. */
  effectiveFrom: Date;
  resourceNames: Record<Resource, string>;
  now?: Date;
};

export type PublishedDraft = { version: number; raised: Resource[]; emailsOwed: number; wasPublished: boolean };

/**
 * Publishes a draft as the next rate card version (operators only), through publishRateCard's own
 * rules (a future whole hour, versions ordered like their hours, one publisher at a time), with its
 * audit entry naming the operator and, when it raises any price over the card it follows, one email
 * owed to every customer, all in one transaction. Publishing a draft already published answers its
 * version again and changes nothing, so a retried request neither publishes twice nor emails twice.
 */
export async function publishRateDraft(
  db: Database,
  session: AppSession | null,
  options: PublishRateDraftOptions,
): Promise<PublishedDraft> {
  const admin = requireAdmin(session);
  const now = options.now ?? new Date();
  const effective = options.effectiveFrom;
  if (Number.isNaN(effective.getTime()) || effective.getTime() % 3_600_000 !== 0) {
    throw new AppError("validation_failed", { message: "A rate card takes effect on a whole hour (UTC)." });
  }
  if (effective.getTime() <= now.getTime()) {
    throw new AppError("validation_failed", {
      message: `A rate card can only take effect in the future: ${effective.toISOString()} is not after now (${now.toISOString()}). Pick a later hour.`,
    });
  }
  return runTransaction(db, async (tx) => {
    const [draft] = await tx.select().from(rateCardDrafts).where(eq(rateCardDrafts.id, options.draftId)).for("update");
    if (!draft) throw new AppError("not_found", { message: "That draft does not exist (it may have been discarded)." });
    if (draft.publishedVersion !== null)
      return { version: draft.publishedVersion, raised: [], emailsOwed: 0, wasPublished: true };
    const entries = draftEntriesOf(draft.entries);
    const { version } = await publishRateCardIn(tx, { effectiveFrom: effective, entries, now });
    await tx
      .update(rateCardDrafts)
      .set({ publishedVersion: version, updatedAt: sql`now()` })
      .where(eq(rateCardDrafts.id, draft.id));
    const { previous, raised, emailsOwed } = await announceIfRaised(tx, {
      version,
      effectiveFrom: effective,
      entries,
      resourceNames: options.resourceNames,
    });
    await recordAudit(tx, {
      session: admin,
      action: "rate-card.publish",
      target: `rate-card:v${version}`,
      before: previous ? { version: previous.version, effectiveFrom: previous.effectiveFrom } : null,
      after: {
        version,
        effectiveFrom: effective,
        draftId: draft.id,
        draftName: draft.name,
        entries: draft.entries,
        raised,
        emailsOwed,
      },
    });
    return { version, raised, emailsOwed, wasPublished: false };
  });
}
