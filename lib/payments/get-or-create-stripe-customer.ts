import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/lib/db/client";
import { stripeCustomers } from "@/lib/db/schema";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { callStripe, stripeErrorOf } from "./stripe-error";

type CustomerOwner = { accountId: string; email: string };

/** The account's stored Stripe customer id, or undefined when it has none yet. */
export async function findStripeCustomerId(db: Queryable, accountId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: stripeCustomers.stripeCustomerId })
    .from(stripeCustomers)
    .where(eq(stripeCustomers.billingAccountId, accountId));
  return row?.id;
}

/**
 * The account's one Stripe customer: read from `stripe_customers`, or created once. The creation's
 * Idempotency-Key is derived from the account, so racing requests (or a retry after the insert below
 * failed) get the same customer back from Stripe instead of a second one.
 */
export async function getOrCreateStripeCustomer(db: Database, options: CustomerOwner): Promise<string> {
  const known = await findStripeCustomerId(db, options.accountId);
  if (known) return known;
  return createCustomer(db, options, `customer:${options.accountId}`);
}

async function createCustomer(db: Database, options: CustomerOwner, idempotencyKey: string): Promise<string> {
  const customer = await callStripe("creating your customer record", () =>
    getStripe().customers.create({ email: options.email, metadata: { billing_account_id: options.accountId } }, { idempotencyKey }),
  );
  // A racing request that stored first wins: the no-op update makes `returning` give its customer id.
  const [stored] = await db
    .insert(stripeCustomers)
    .values({ billingAccountId: options.accountId, stripeCustomerId: customer.id })
    .onConflictDoUpdate({ target: stripeCustomers.billingAccountId, set: { billingAccountId: sql`excluded.billing_account_id` } })
    .returning({ id: stripeCustomers.stripeCustomerId });
  return stored!.id;
}

function isMissingCustomer(error: unknown, customerId: string): boolean {
  const cause = stripeErrorOf(error);
  return (
    cause?.type === "StripeInvalidRequestError" &&
    cause.code === "resource_missing" &&
    (cause.param === "customer" || (cause.message ?? "").includes(customerId))
  );
}

/**
 * Runs a Stripe call with the account's customer. When Stripe says that customer does not exist (the
 * emulator's state was wiped but our database was not, or the customer was deleted in the Dashboard),
 * the stale id is replaced by a new customer once and the call runs again.
 */
export async function withStripeCustomer<T>(db: Database, owner: CustomerOwner, call: (customerId: string) => Promise<T>): Promise<T> {
  const customerId = await getOrCreateStripeCustomer(db, owner);
  try {
    return await call(customerId);
  } catch (error) {
    if (!isMissingCustomer(error, customerId)) throw error;
    getLogger().warn({ account: owner.accountId, customer: customerId }, "stored Stripe customer is missing at Stripe; creating a new one");
    await db
      .delete(stripeCustomers)
      .where(and(eq(stripeCustomers.billingAccountId, owner.accountId), eq(stripeCustomers.stripeCustomerId, customerId)));
    const fresh = await createCustomer(db, owner, `customer:${owner.accountId}:replaces:${customerId}`);
    return call(fresh);
  }
}
