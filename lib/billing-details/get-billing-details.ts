import "server-only";
import type { Queryable } from "@/lib/db/client";
import { getLogger } from "@/lib/observability/logger";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import { findStripeCustomerId } from "@/lib/payments/get-or-create-stripe-customer";
import { stripeErrorOf } from "@/lib/payments/stripe-error";
import type { AppSession } from "@/lib/session/app-session";
import { getStripe } from "@/lib/stripe/get-stripe";
import { billingDetailsOf, type BillingDetails } from "./billing-details";

// The billing page waits on this read: a slow Stripe must cost the page at most this, once (no retry),
// and then it shows "could not load" rather than hanging the whole page.
export const BILLING_DETAILS_READ_TIMEOUT_MS = 2_500;

/**
 * The signed-in person's billing details, read from their account's Stripe customer (the one source of
 * truth: nothing is stored here). One Stripe read; no customer yet is `none`, no answer `unavailable`.
 */
export async function getBillingDetails(db: Queryable, session: AppSession): Promise<BillingDetails> {
  const owner = await findBillingAccount(db, { userId: session.user.id });
  const customerId = owner ? await findStripeCustomerId(db, owner.accountId) : undefined;
  if (!owner || !customerId) return { status: "none" };
  try {
    const customer = await getStripe().customers.retrieve(
      customerId,
      { expand: ["tax_ids"] },
      { timeout: BILLING_DETAILS_READ_TIMEOUT_MS, maxNetworkRetries: 0 },
    );
    return customer.deleted ? { status: "none" } : billingDetailsOf(customer);
  } catch (error) {
    // A customer deleted at Stripe is replaced at the next payment or save: until then there is none.
    if (stripeErrorOf(error)?.code === "resource_missing") return { status: "none" };
    getLogger().warn({ account: owner.accountId, err: stripeErrorOf(error)?.type ?? "unknown" }, "billing details could not be read from Stripe");
    return { status: "unavailable" };
  }
}
