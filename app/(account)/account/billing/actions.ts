"use server";

import { redirect } from "next/navigation";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { createTopUpCheckout } from "@/lib/payments/create-top-up-checkout";
import { topUpFormSchema } from "@/lib/payments/top-up-amount";

export const createTopUpAction = validatedActionWithSession("createTopUp", topUpFormSchema, async (input, session) => {
  const checkoutUrl = await createTopUpCheckout(getDb(), { userId: session.user.id, ...input });
  redirect(checkoutUrl);
});
