import "server-only";
import { eq } from "drizzle-orm";
import type { RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import type { Queryable } from "@/lib/db/client";
import { rateCardDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { draftEntriesOf } from "@/lib/rate-drafts/draft-entries";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type RateDraft = {
  id: bigint;
  name: string;
  entries: RateCardEntryInput[];
  publishedVersion: number | null;
  updatedAt: Date;
};

/** One draft with its prices as exact rationals (operators only); `not_found` when it is gone. */
export async function getRateDraft(db: Queryable, session: AppSession | null, draftId: bigint): Promise<RateDraft> {
  requireAdmin(session);
  const [draft] = await db.select().from(rateCardDrafts).where(eq(rateCardDrafts.id, draftId));
  if (!draft) throw new AppError("not_found", { message: "That draft does not exist (it may have been discarded)." });
  return {
    id: draft.id,
    name: draft.name,
    entries: draftEntriesOf(draft.entries),
    publishedVersion: draft.publishedVersion,
    updatedAt: draft.updatedAt,
  };
}
