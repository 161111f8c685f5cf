"use server";

import { revalidatePath } from "next/cache";
import { formatDateTime } from "@/components/admin/format";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import {
  createPlatformTokenAudited,
  revokePlatformTokenAudited,
  rotatePlatformTokenAudited,
} from "@/lib/admin/manage-platform-tokens";
import {
  createPlatformTokenSchema,
  revokePlatformTokenSchema,
  rotatePlatformTokenSchema,
} from "@/lib/admin/platform-token-schemas";
import { getDb } from "@/lib/db/client";

// The secret goes back to the operator's browser in the action's answer (`reveal`) and nowhere else:
// not into the page, a log or an audit entry.

export const createPlatformTokenAction = validatedAdminAction(
  "createPlatformToken",
  createPlatformTokenSchema,
  async (input, session) => {
    const created = await createPlatformTokenAudited(getDb(), session, input);
    revalidatePath("/admin/tokens");
    return {
      status: "success",
      message: `Token "${created.name}" created. Copy it now: it is not stored and will not be shown again.`,
      reveal: created.token,
    };
  },
);

export const rotatePlatformTokenAction = validatedAdminAction(
  "rotatePlatformToken",
  rotatePlatformTokenSchema,
  async ({ tokenId, graceSeconds }, session) => {
    const { expiresAt, successor } = await rotatePlatformTokenAudited(getDb(), session, { id: tokenId, graceSeconds });
    revalidatePath("/admin/tokens");
    const old =
      graceSeconds === 0
        ? "The old token has stopped working."
        : `The old token works until ${formatDateTime(expiresAt)}.`;
    return {
      status: "success",
      message: `Successor of "${successor.name}" created. ${old} Copy the new one now: it will not be shown again.`,
      reveal: successor.token,
    };
  },
);

export const revokePlatformTokenAction = validatedAdminAction(
  "revokePlatformToken",
  revokePlatformTokenSchema,
  async ({ tokenId }, session) => {
    await revokePlatformTokenAudited(getDb(), session, tokenId);
    revalidatePath("/admin/tokens");
  },
);
