import "server-only";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getBillingAccountForUserOrThrow } from "@/lib/payments/get-billing-account-for-user";
import { withStripeCustomer } from "@/lib/payments/get-or-create-stripe-customer";
import { stripeErrorOf, toStripeAppError } from "@/lib/payments/stripe-error";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import type { AppSession } from "@/lib/session/app-session";
import { getStripe } from "@/lib/stripe/get-stripe";
import type { BillingDetailsInput } from "./billing-details-schema";

/** Each save is three to five Stripe calls on our key: a person needs a few an hour, a script no more. */
export const BILLING_DETAILS_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

// Stripe names the parameter it refused; the form shows its message beside the field that holds it.
const FIELD_OF_PARAM: Record<string, string> = {
  value: "taxIdValue",
  type: "taxIdType",
  name: "companyName",
  "address[line1]": "line1",
  "address[line2]": "line2",
  "address[city]": "city",
  "address[postal_code]": "postalCode",
  "address[country]": "country",
};

/** A request Stripe refused because of what the person typed, as a field error; anything else unchanged. */
function asFieldError(error: unknown, fallbackField: string): unknown {
  const stripeError = stripeErrorOf(error);
  if (stripeError?.type !== "StripeInvalidRequestError" || stripeError.code === "resource_missing") return error;
  const path = FIELD_OF_PARAM[stripeError.param ?? ""] ?? fallbackField;
  const message = stripeError.message || "Stripe did not accept this value.";
  return new AppError("validation_failed", { message, details: { fields: [{ path, message }] }, cause: error });
}

async function callStripeForForm<T>(what: string, fallbackField: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refused = asFieldError(error, fallbackField);
    if (refused instanceof AppError) throw refused;
    // Raw, so withStripeCustomer can recognise a customer deleted at Stripe and replace it.
    if (stripeErrorOf(error)?.code === "resource_missing") throw error;
    throw toStripeAppError(error, what);
  }
}

const sameTaxId = (taxId: Stripe.TaxId, wanted: { type: string; value: string }) => taxId.type === wanted.type && taxId.value === wanted.value;

/**
 * Saves the signed-in person's billing details on their account's Stripe customer (created now when the
 * account has none yet), the one place they live. The new tax ID is created first: Stripe checks its
 * format, and a refusal (shown on the tax ID field) leaves everything as it was. Then the name and
 * address, then the old tax IDs go. If the name or address is refused after the tax ID was created,
 * that tax ID is removed again, so a refused save changes nothing.
 */
export async function updateBillingDetails(db: Database, session: AppSession, input: BillingDetailsInput): Promise<void> {
  const owner = await getBillingAccountForUserOrThrow(db, session.user.id);
  await consumeRateLimits(db, [{ bucket: `billing-details:account:${owner.accountId}`, ...BILLING_DETAILS_LIMIT }], "billing detail changes");
  const stripe = getStripe();
  const wanted = input.taxIdType === "" ? null : { type: input.taxIdType, value: input.taxIdValue };
  await withStripeCustomer(db, owner, async (customerId) => {
    const existing = await callStripeForForm("reading your billing details", "taxIdValue", () => stripe.customers.listTaxIds(customerId, { limit: 100 }));
    const kept = wanted ? existing.data.find((taxId) => sameTaxId(taxId, wanted)) : undefined;
    const created =
      wanted && !kept
        ? await callStripeForForm("saving your tax ID", "taxIdValue", () =>
            stripe.customers.createTaxId(customerId, wanted),
          )
        : undefined;
    try {
      await callStripeForForm("saving your billing address", "line1", () =>
        stripe.customers.update(customerId, {
          name: input.companyName,
          address: { line1: input.line1, line2: input.line2, city: input.city, postal_code: input.postalCode, country: input.country },
        }),
      );
    } catch (error) {
      if (created) {
        await stripe.customers.deleteTaxId(customerId, created.id).catch((cleanup: unknown) => {
          getLogger().warn({ account: owner.accountId, err: stripeErrorOf(cleanup)?.type ?? "unknown" }, "could not remove a tax ID after a refused save");
        });
      }
      throw error;
    }
    const keepId = created?.id ?? kept?.id;
    for (const taxId of existing.data) {
      if (taxId.id === keepId) continue;
      // Already gone (a save racing this one removed it) is what this step wants.
      await stripe.customers.deleteTaxId(customerId, taxId.id).catch((error: unknown) => {
        if (stripeErrorOf(error)?.code !== "resource_missing") throw toStripeAppError(error, "removing your old tax ID");
      });
    }
  }).catch((error: unknown) => {
    throw toStripeAppError(error, "saving your billing details");
  });
  getLogger().info({ account: owner.accountId, hasTaxId: wanted !== null }, "billing details saved");
}
