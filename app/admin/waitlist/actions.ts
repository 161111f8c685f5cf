"use server";

import { revalidatePath } from "next/cache";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { waitlistBulkDecisionSchema, waitlistDecisionSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { decideWaitlistEntries } from "@/lib/waitlist/decide-waitlist-entries";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";
import { describeBulkDecision } from "@/lib/waitlist/describe-bulk-decision";

export const decideWaitlistEntryAction = validatedAdminAction("decideWaitlistEntry", waitlistDecisionSchema, async (input, session) => {
  await decideWaitlistEntry(getDb(), session, input);
  revalidatePath("/admin", "layout");
});

export const decideWaitlistEntriesAction = validatedAdminAction("decideWaitlistEntries", waitlistBulkDecisionSchema, async (input, session) => {
  const result = await decideWaitlistEntries(getDb(), session, input);
  revalidatePath("/admin", "layout");
  const message = describeBulkDecision(input.decision, result);
  // Nothing approved because the cap is full is a refusal the operator must see as one.
  if (result.decidedIds.length === 0 && result.overCapacityIds.length > 0) return { status: "error", code: "conflict", message };
  return { status: "success", message };
});
