import "server-only";
import { notFound } from "next/navigation";
import { getRateDraft, type RateDraft } from "@/lib/admin/get-rate-draft";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rateDraftIdSchema } from "@/lib/rate-drafts/rate-draft-schemas";
import type { AppSession } from "@/lib/session/app-session";

/** The draft a page's `[id]` names, or the ordinary 404 (a bad id or a discarded draft). */
export async function loadDraft(session: AppSession, id: string): Promise<RateDraft> {
  const draftId = rateDraftIdSchema.safeParse(id);
  if (!draftId.success) notFound();
  try {
    return await getRateDraft(getDb(), session, draftId.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
