import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { rateCardDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { draftEntriesOf } from "./draft-entries";
import { previousMonth, shadowBill, type ShadowBill } from "./shadow-bill";

/** Last calendar month (UTC) re-rated with a draft, against what it was billed (operators only; reads only). */
export async function shadowBillDraft(
  db: Queryable,
  session: AppSession | null,
  options: { draftId: bigint; now?: Date },
): Promise<ShadowBill & { draftName: string }> {
  requireAdmin(session);
  const [draft] = await db.select().from(rateCardDrafts).where(eq(rateCardDrafts.id, options.draftId));
  if (!draft) throw new AppError("not_found", { message: "That draft does not exist (it may have been discarded)." });
  const bill = await shadowBill(db, draftEntriesOf(draft.entries), previousMonth(options.now ?? new Date()));
  return { ...bill, draftName: draft.name };
}
