"use server";

import { revalidatePath } from "next/cache";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { launchSettingsSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";

export const updateLaunchSettingsAction = validatedAdminAction("updateLaunchSettings", launchSettingsSchema, async (input, session) => {
  const { promotionalGrant, ...rest } = input;
  await updateLaunchSettings(getDb(), session, { ...rest, promotionalGrantMicros: promotionalGrant });
  revalidatePath("/admin", "layout");
  return { status: "success", message: "Settings saved." };
});
