"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { rowIdSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { revokeInvite } from "@/lib/invites/manage-invites";

export const revokeInviteAction = validatedAdminAction("revokeInvite", z.object({ inviteId: rowIdSchema }), async ({ inviteId }, session) => {
  await revokeInvite(getDb(), session, inviteId);
  revalidatePath("/admin", "layout");
});
