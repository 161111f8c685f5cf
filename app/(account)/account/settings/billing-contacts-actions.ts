"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { addBillingContact } from "@/lib/billing-contacts/add-billing-contact";
import { addBillingContactSchema, billingContactIdSchema } from "@/lib/billing-contacts/billing-contact-schema";
import { CONFIRM_LINK_DAYS } from "@/lib/billing-contacts/contact-rules";
import { removeBillingContact } from "@/lib/billing-contacts/remove-billing-contact";
import { resendConfirmationLink } from "@/lib/billing-contacts/resend-confirmation-link";
import { getDb } from "@/lib/db/client";

// The billing contacts panel's actions (components/account/billing-contacts-panel.tsx). Each acts on
// the session's own account: the lib functions find it by the session's user id, never by the form.

export const addBillingContactAction = validatedActionWithSession("addBillingContact", addBillingContactSchema, async ({ email }, session) => {
  await addBillingContact(getDb(), session, email);
  revalidatePath("/account/settings");
  return { status: "success", message: `Confirmation link sent to ${email}. It works for ${CONFIRM_LINK_DAYS} days; nothing else is sent there until it is followed.` };
});

export const resendConfirmationLinkAction = validatedActionWithSession("resendConfirmationLink", billingContactIdSchema, async ({ contactId }, session) => {
  const email = await resendConfirmationLink(getDb(), session, contactId);
  revalidatePath("/account/settings");
  return { status: "success", message: `A new link is on its way to ${email}.` };
});

export const removeBillingContactAction = validatedActionWithSession("removeBillingContact", billingContactIdSchema, async ({ contactId }, session) => {
  const email = await removeBillingContact(getDb(), session, contactId);
  revalidatePath("/account/settings");
  return { status: "success", message: `${email} removed.` };
});
