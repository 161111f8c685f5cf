import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { getBillingAccountForUserOrThrow, type BillingOwner } from "./get-billing-account-for-user";
import { withStripeCustomer } from "./get-or-create-stripe-customer";
import { limitStripeSessions } from "./limit-stripe-sessions";
import { getPaymentMetrics } from "./payment-metrics";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export type CreateTopUpCheckoutOptions = {
  userId: string;
  amountCents: number;
  /** One per rendering of the top-up form: resubmitting the same form returns the same session. */
  attemptId: string;
  /** Keep the card for auto-recharge (`setup_future_usage=off_session`). */
  saveCard?: boolean;
};

export type OwnerCheckoutOptions = {
  amountCents: number;
  /** The Stripe Idempotency-Key: a retry with the same key returns the session a lost answer created. */
  idempotencyKey: string;
  saveCard: boolean;
  /** Why the session exists (`top_up`, or `auto_recharge_recovery` from a paused auto-recharge email). */
  purpose: "top_up" | "auto_recharge_recovery";
};

/**
 * A hosted Checkout session (mode=payment) for a prepaid top-up of the user's own account; answers its
 * URL. Nothing is charged here: money moves only when the person pays on Stripe's page and
 * fulfillCheckout sees the session paid. If Stripe fails or times out, nothing is stored and the
 * person can retry; the Idempotency-Key makes a retry return the session a lost answer created.
 */
export async function createTopUpCheckout(db: Database, options: CreateTopUpCheckoutOptions): Promise<string> {
  const owner = await getBillingAccountForUserOrThrow(db, options.userId).catch((error: unknown) => {
    getPaymentMetrics().checkoutSessions.inc({ outcome: "failed" });
    throw error;
  });
  await limitStripeSessions(db, owner.accountId);
  const saveCard = options.saveCard ?? false;
  return createCheckoutForOwner(db, owner, {
    amountCents: options.amountCents,
    idempotencyKey: `checkout:${owner.accountId}:${options.attemptId}:${options.amountCents}${saveCard ? ":save" : ""}`,
    saveCard,
    purpose: "top_up",
  });
}

/** The Checkout session of a top-up for a known account (the form above, or a recovery link). */
export async function createCheckoutForOwner(db: Database, owner: BillingOwner, options: OwnerCheckoutOptions): Promise<string> {
  const metrics = getPaymentMetrics();
  try {
    const appUrl = getEnv().appUrl;
    const metadata = { billing_account_id: owner.accountId, purpose: options.purpose, save_card: options.saveCard ? "1" : "0" };
    // Invoices name only what bought them (`top_up` | `auto_recharge`): a recovery session is a top-up.
    const invoiceMetadata = { billing_account_id: owner.accountId, purpose: "top_up" };
    const session = await withStripeCustomer(db, owner, (customer) =>
      callStripe("starting the payment", () =>
        getStripe().checkout.sessions.create(
          {
            mode: "payment",
            customer,
            client_reference_id: owner.accountId,
            metadata,
            payment_intent_data: {
              metadata,
              description: "Tandem prepaid credit",
              ...(options.saveCard ? { setup_future_usage: "off_session" as const } : {}),
            },
            // The amount chosen is the credit: tax, where it applies, is added on top (`exclusive`), and
            // the ledger credits only the credit (fulfillCheckout reads `amount_subtotal`).
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: "usd",
                  unit_amount: options.amountCents,
                  tax_behavior: "exclusive",
                  product_data: { name: "Prepaid credit" },
                },
              },
            ],
            // Every top-up gets an invoice with the buyer's billing details (issue 20): collected here,
            // saved on the customer, so the next Checkout and the billing page start from them.
            invoice_creation: { enabled: true, invoice_data: { description: "Tandem prepaid credit", metadata: invoiceMetadata } },
            billing_address_collection: "required",
            tax_id_collection: { enabled: true },
            customer_update: { name: "auto", address: "auto" },
            automatic_tax: { enabled: getEnv().stripe.automaticTax },
            success_url: `${appUrl}/account/billing/return?session_id={CHECKOUT_SESSION_ID}`,
            cancel_url: `${appUrl}/account/billing?checkout=canceled`,
          },
          { idempotencyKey: `${options.idempotencyKey}:${customer}` },
        ),
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
