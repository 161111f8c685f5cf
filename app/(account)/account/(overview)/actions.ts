"use server";

import { revalidatePath } from "next/cache";
import { dismissWelcome } from "@/lib/account/dismiss-welcome";
import { noInputSchema, validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";

// A plain form post without JavaScript too; the page renders again without the panel.
export const dismissWelcomeAction = validatedActionWithSession("dismissWelcome", noInputSchema, async (_input, session) => {
  await dismissWelcome(getDb(), session);
  revalidatePath("/account");
});
