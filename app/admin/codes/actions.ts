"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { createInviteCodeSchema, rowIdSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { createInviteCode, revokeInviteCode } from "@/lib/invites/manage-invite-codes";

export const createInviteCodeAction = validatedAdminAction("createInviteCode", createInviteCodeSchema, async (input, session) => {
  const { code } = await createInviteCode(getDb(), session, input);
  revalidatePath("/admin", "layout");
  return { status: "success", message: "Code created. Copy it now: it is not stored and will not be shown again.", reveal: code };
});

export const revokeInviteCodeAction = validatedAdminAction("revokeInviteCode", z.object({ codeId: rowIdSchema }), async ({ codeId }, session) => {
  await revokeInviteCode(getDb(), session, codeId);
  revalidatePath("/admin", "layout");
});
