"use server";

import { revalidatePath } from "next/cache";
import { dismissWelcome } from "@/lib/account/dismiss-welcome";
import { dismissSpendAlert, dismissSpendAlertSchema } from "@/lib/account/dismiss-spend-alert";
import { noInputSchema, validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";

// A plain form post without JavaScript too; the page renders again without the panel.
export const dismissWelcomeAction = validatedActionWithSession("dismissWelcome", noInputSchema, async (_input, session) => {
  await dismissWelcome(getDb(), session);
  revalidatePath("/account");
});

// One spend alert's notice; the id is looked up within the session's own account only.
export const dismissSpendAlertAction = validatedActionWithSession("dismissSpendAlert", dismissSpendAlertSchema, async ({ alert }, session) => {
  await dismissSpendAlert(getDb(), session, alert);
  revalidatePath("/account");
});
