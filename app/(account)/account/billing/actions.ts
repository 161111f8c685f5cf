"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { noInputSchema, validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { autoRechargeFormSchema } from "@/lib/payments/auto-recharge-form";
import { resumeAutoRechargeForUser, saveAutoRechargeSettings } from "@/lib/payments/auto-recharge-settings";
import { createTopUpCheckout } from "@/lib/payments/create-top-up-checkout";
import { createCardSetupCheckout, createPortalSession } from "@/lib/payments/saved-card";
import { topUpFormSchema } from "@/lib/payments/top-up-amount";
import { billingDetailsSchema } from "@/lib/billing-details/billing-details-schema";
import { updateBillingDetails } from "@/lib/billing-details/update-billing-details";

export const createTopUpAction = validatedActionWithSession("createTopUp", topUpFormSchema, async (input, session) => {
  const checkoutUrl = await createTopUpCheckout(getDb(), { userId: session.user.id, ...input });
  redirect(checkoutUrl);
});

export const saveCardAction = validatedActionWithSession("saveCard", noInputSchema, async (_input, session) => {
  redirect(await createCardSetupCheckout(getDb(), { userId: session.user.id, attemptId: randomUUID() }));
});

export const openPortalAction = validatedActionWithSession("openPortal", noInputSchema, async (_input, session) => {
  redirect(await createPortalSession(getDb(), session.user.id));
});

export const saveAutoRechargeAction = validatedActionWithSession("saveAutoRecharge", autoRechargeFormSchema, async (input, session) => {
  await saveAutoRechargeSettings(getDb(), session.user.id, input);
  revalidatePath("/account/billing");
  return { status: "success", message: input.enabled ? "Auto-recharge is on." : "Auto-recharge settings saved (off)." };
});

export const resumeAutoRechargeAction = validatedActionWithSession("resumeAutoRecharge", noInputSchema, async (_input, session) => {
  await resumeAutoRechargeForUser(getDb(), session.user.id);
  revalidatePath("/account/billing");
  return { status: "success", message: "Auto-recharge resumed." };
});

export const saveBillingDetailsAction = validatedActionWithSession("saveBillingDetails", billingDetailsSchema, async (input, session) => {
  await updateBillingDetails(getDb(), session, input);
  revalidatePath("/account/billing");
  return { status: "success", message: "Billing details saved. Your next invoice shows them." };
});
