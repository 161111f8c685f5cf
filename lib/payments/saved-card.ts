import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { cardSetups } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { getStripe } from "@/lib/stripe/get-stripe";
import { getBillingAccountForUserOrThrow } from "./get-billing-account-for-user";
import { findStripeCustomerId, withStripeCustomer } from "./get-or-create-stripe-customer";
import { limitStripeSessions } from "./limit-stripe-sessions";
import { callStripe } from "./stripe-error";

export type SavedCard = { paymentMethodId: string; brand: string; last4: string; expMonth: number; expYear: number };

/**
 * The card auto-recharge charges: the Stripe customer's default payment method, read from Stripe (so a
 * change made in the Customer Portal shows at once). Null when the account has no customer or no card,
 * or when the stored customer no longer exists at Stripe.
 */
export async function getSavedCard(db: Database, owner: { accountId: string }): Promise<SavedCard | null> {
  const customerId = await findStripeCustomerId(db, owner.accountId);
  if (!customerId) return null;
  const stripe = getStripe();
  try {
    const customer = await callStripe("reading your saved card", () => stripe.customers.retrieve(customerId));
    const chosen = customer.deleted ? null : customer.invoice_settings?.default_payment_method;
    const id = typeof chosen === "string" ? chosen : chosen?.id;
    if (!id) return null;
    const method = await callStripe("reading your saved card", () => stripe.paymentMethods.retrieve(id));
    if (!method.card) return null;
    return { paymentMethodId: id, brand: method.card.brand, last4: method.card.last4, expMonth: method.card.exp_month, expYear: method.card.exp_year };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** Checkout in setup mode: the person saves a card for auto-recharge without paying now. Answers its URL. */
export async function createCardSetupCheckout(db: Database, options: { userId: string; attemptId: string }): Promise<string> {
  const owner = await getBillingAccountForUserOrThrow(db, options.userId);
  await limitStripeSessions(db, owner.accountId);
  const appUrl = getEnv().appUrl;
  const session = await withStripeCustomer(db, owner, (customer) =>
    callStripe("starting the card setup", () =>
      getStripe().checkout.sessions.create(
        {
          mode: "setup",
          currency: "usd",
          customer,
          client_reference_id: owner.accountId,
          metadata: { billing_account_id: owner.accountId, purpose: "save_card" },
          setup_intent_data: { metadata: { billing_account_id: owner.accountId } },
          success_url: `${appUrl}/account/billing?card_session={CHECKOUT_SESSION_ID}`,
          cancel_url: `${appUrl}/account/billing?checkout=canceled`,
        },
        { idempotencyKey: `card-setup:${owner.accountId}:${options.attemptId}:${customer}` },
      ),
    ),
  );
  if (!session.url) throw new AppError("internal", { message: `Checkout session ${session.id} has no URL.` });
  await db.insert(cardSetups).values({ checkoutSessionId: session.id, billingAccountId: owner.accountId }).onConflictDoNothing({ target: cardSetups.checkoutSessionId });
  return session.url;
}

/** Makes a just-saved card the customer's default, so auto-recharge charges it (Stripe does not by itself). */
export async function makeDefaultCard(customerId: string, paymentMethodId: string): Promise<void> {
  await callStripe("saving your card", () =>
    getStripe().customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } }),
  );
}

/**
 * Finishes a setup-mode Checkout session (its webhook, or the billing page it returns to): the card it
 * saved becomes the default. Idempotent; a session of another account is "not found".
 */
export async function completeCardSetup(db: Database, sessionId: string, expectedAccountId?: string): Promise<{ accountId: string; saved: boolean }> {
  const session = await callStripe("checking the saved card", () => getStripe().checkout.sessions.retrieve(sessionId, { expand: ["setup_intent"] }));
  const accountId = session.metadata?.billing_account_id ?? session.client_reference_id;
  if (!accountId || session.mode !== "setup" || (expectedAccountId && expectedAccountId !== accountId)) {
    throw new AppError("not_found", { message: "That card setup was not found for this account." });
  }
  const intent = typeof session.setup_intent === "object" ? session.setup_intent : null;
  const method = intent?.payment_method;
  const methodId = typeof method === "string" ? method : method?.id;
  const customerId = typeof session.customer === "string" ? session.customer : session.customer?.id;
  if (session.status !== "complete" || intent?.status !== "succeeded" || !methodId || !customerId) return { accountId, saved: false };
  // Once per session, and never over the card of a session started later (deliveries come in any order).
  await runTransaction(db, async (tx) => {
    const mine = await tx
      .select({ seq: cardSetups.seq, appliedAt: cardSetups.appliedAt })
      .from(cardSetups)
      .where(eq(cardSetups.billingAccountId, accountId))
      .orderBy(cardSetups.seq)
      .for("update");
    const [row] = await tx.select({ seq: cardSetups.seq }).from(cardSetups).where(eq(cardSetups.checkoutSessionId, session.id));
    const seq = row?.seq;
    const superseded = mine.some((other) => other.appliedAt !== null && (seq === undefined || other.seq >= seq));
    if (superseded) return;
    await makeDefaultCard(customerId, methodId);
    await tx.update(cardSetups).set({ appliedAt: sql`now()` }).where(eq(cardSetups.checkoutSessionId, session.id));
  });
  return { accountId, saved: true };
}

/** A Stripe Customer Portal session (cards and receipts) for the user's own account; answers its URL. */
export async function createPortalSession(db: Database, userId: string): Promise<string> {
  const owner = await getBillingAccountForUserOrThrow(db, userId);
  await limitStripeSessions(db, owner.accountId);
  const session = await withStripeCustomer(db, owner, (customer) =>
    callStripe("opening the billing portal", () =>
      getStripe().billingPortal.sessions.create({ customer, return_url: `${getEnv().appUrl}/account/billing` }),
    ),
  );
  return session.url;
}

/** The billing page's check after setup-mode Checkout: true when the card is saved, false when not. */
export async function confirmCardSetupOnReturn(db: Database, userId: string, sessionId: string): Promise<boolean> {
  if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId)) return false;
  const owner = await getBillingAccountForUserOrThrow(db, userId);
  try {
    return (await completeCardSetup(db, sessionId, owner.accountId)).saved;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return false;
    throw error;
  }
}
