"use server";

import { revalidatePath } from "next/cache";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { waitlistDecisionSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";

export const decideWaitlistEntryAction = validatedAdminAction("decideWaitlistEntry", waitlistDecisionSchema, async (input, session) => {
  await decideWaitlistEntry(getDb(), session, input);
  revalidatePath("/admin", "layout");
});
