"use server";

import { revalidatePath } from "next/cache";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { adjustmentFormSchema } from "@/lib/adjustments/adjustment-form";
import { requestAdjustment, toAdjustmentInput } from "@/lib/adjustments/request-adjustment";
import { getDb } from "@/lib/db/client";

const messages = {
  posted: "Adjustment posted: it is on the customer's statement now.",
  pending: "Above the two-person limit: it waits on the Approvals page for another operator.",
} as const;

export const requestAdjustmentAction = validatedAdminAction(
  "requestAdjustment",
  adjustmentFormSchema,
  async (input, session) => {
    const outcome = await requestAdjustment(getDb(), session, toAdjustmentInput(input));
    revalidatePath("/admin", "layout");
    const message =
      outcome.status === "pending" || outcome.status === "posted"
        ? messages[outcome.status]
        : `This adjustment was already ${outcome.status}.`;
    return { status: "success", message: outcome.isReplay ? `Already sent. ${message}` : message };
  },
);
