import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fulfillCheckout, type FulfilmentResult } from "./fulfill-checkout";
import { getBillingAccountForUserOrThrow } from "./get-billing-account-for-user";

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/;

/**
 * What the return page shows after Checkout: it fulfils the session (racing the webhook is safe) but
 * only for a session of the signed-in user's own account; anyone else's is "not found".
 */
export async function getCheckoutReturn(db: Database, options: { userId: string; sessionId: string | undefined }): Promise<FulfilmentResult> {
  if (!options.sessionId || !SESSION_ID.test(options.sessionId)) {
    throw new AppError("not_found", { message: "That payment was not found for this account." });
  }
  const owner = await getBillingAccountForUserOrThrow(db, options.userId);
  return fulfillCheckout(db, options.sessionId, { expectedAccountId: owner.accountId });
}
