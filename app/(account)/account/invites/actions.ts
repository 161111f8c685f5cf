"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { createMemberInvite } from "@/lib/invites/member-invites";
import { emailSchema } from "@/lib/invites/normalize-email";

export const inviteMemberAction = validatedActionWithSession("inviteMember", z.object({ email: emailSchema }), async ({ email }, session) => {
  await createMemberInvite(getDb(), session, email);
  revalidatePath("/account/invites");
  return { status: "success", message: `Invitation sent to ${email}, unless that address already has an account or an invite.` };
});
