"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { rowIdSchema } from "@/lib/admin/admin-schemas";
import { decideAdjustment } from "@/lib/adjustments/decide-adjustment";
import { getDb } from "@/lib/db/client";

export const decideAdjustmentAction = validatedAdminAction(
  "decideAdjustment",
  z.object({ requestId: rowIdSchema, decision: z.enum(["approve", "reject"]) }),
  async (input, session) => {
    await decideAdjustment(getDb(), session, input);
    revalidatePath("/admin", "layout");
  },
);
