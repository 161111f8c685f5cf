import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { getBillingAccountForUserOrThrow } from "./get-billing-account-for-user";
import { getOrCreateStripeCustomer } from "./get-or-create-stripe-customer";
import { getPaymentMetrics } from "./payment-metrics";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export type CreateTopUpCheckoutOptions = {
  userId: string;
  amountCents: number;
  /** One per rendering of the top-up form: resubmitting the same form returns the same session. */
  attemptId: string;
};

/**
 * A hosted Checkout session (mode=payment) for a prepaid top-up of the user's own account; answers its
 * URL. Nothing is charged here: money moves only when the person pays on Stripe's page and
 * fulfillCheckout sees the session paid. If Stripe fails or times out, nothing is stored and the
 * person can retry; the Idempotency-Key makes a retry return the session a lost answer created.
 */
export async function createTopUpCheckout(db: Database, options: CreateTopUpCheckoutOptions): Promise<string> {
  const metrics = getPaymentMetrics();
  try {
    const owner = await getBillingAccountForUserOrThrow(db, options.userId);
    const customer = await getOrCreateStripeCustomer(db, owner);
    const appUrl = getEnv().appUrl;
    const metadata = { billing_account_id: owner.accountId, purpose: "top_up" };
    const session = await callStripe("starting the payment", () =>
      getStripe().checkout.sessions.create(
        {
          mode: "payment",
          customer,
          client_reference_id: owner.accountId,
          metadata,
          payment_intent_data: { metadata, description: "Tandem prepaid credit" },
          line_items: [
            {
              quantity: 1,
              price_data: { currency: "usd", unit_amount: options.amountCents, product_data: { name: "Tandem prepaid credit" } },
            },
          ],
          success_url: `${appUrl}/account/billing/return?session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${appUrl}/account/billing?checkout=canceled`,
        },
        { idempotencyKey: `checkout:${owner.accountId}:${options.attemptId}:${options.amountCents}` },
      ),
    );
    if (!session.url) throw new AppError("internal", { message: `Checkout session ${session.id} has no URL.` });
    await db.execute(sql`
      insert into top_ups (checkout_session_id, billing_account_id, amount_micros)
      values (${session.id}, ${owner.accountId}, ${centsToMicros(options.amountCents)})
      on conflict (checkout_session_id) do nothing`);
    metrics.checkoutSessions.inc({ outcome: "created" });
    getLogger().info({ session: session.id, account: owner.accountId, cents: options.amountCents }, "checkout session created");
    return session.url;
  } catch (error) {
    metrics.checkoutSessions.inc({ outcome: "failed" });
    metrics.paymentFailures.inc({ stage: "checkout", code: error instanceof AppError ? error.code : "internal" });
    throw error;
  }
}
