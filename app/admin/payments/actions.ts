"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { noInputSchema, validatedAdminAction } from "@/lib/actions/validated-action";
import { replayStripeEventSchema } from "@/lib/admin/payments-schemas";
import { replayStripeEvent } from "@/lib/admin/replay-stripe-event";
import { runReconciliationNow } from "@/lib/admin/run-reconciliation-now";
import { getDb } from "@/lib/db/client";

// The result travels in the URL, as on /admin/emails: the replayed row changes (and its button goes),
// so the confirmation shows after a redirect, with or without JavaScript.
export const replayStripeEventAction = validatedAdminAction(
  "replayStripeEvent",
  replayStripeEventSchema,
  async (input, session) => {
    const result = await replayStripeEvent(getDb(), session, input.eventId);
    revalidatePath("/admin", "layout");
    redirect(`/admin/payments?replayed=${result.outcome}`);
  },
);

export const runReconciliationNowAction = validatedAdminAction(
  "runReconciliationNow",
  noInputSchema,
  async (_input, session) => {
    const { runId } = await runReconciliationNow(getDb(), session);
    revalidatePath("/admin", "layout");
    redirect(`/admin/payments?ran=${runId}#runs`);
  },
);
