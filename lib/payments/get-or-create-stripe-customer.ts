import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/get-stripe";
import { callStripe } from "./stripe-error";

/**
 * The account's one Stripe customer: read from `stripe_customers`, or created once. The creation's
 * Idempotency-Key is derived from the account, so racing requests (or a retry after the insert below
 * failed) get the same customer back from Stripe instead of a second one.
 */
export async function getOrCreateStripeCustomer(db: Database, options: { accountId: string; email: string }): Promise<string> {
  const existing = await db.execute<{ stripe_customer_id: string }>(sql`
    select stripe_customer_id from stripe_customers where billing_account_id = ${options.accountId}`);
  const known = existing.rows[0]?.stripe_customer_id;
  if (known) return known;
  const customer = await callStripe("creating your customer record", () =>
    getStripe().customers.create(
      { email: options.email, metadata: { billing_account_id: options.accountId } },
      { idempotencyKey: `customer:${options.accountId}` },
    ),
  );
  const stored = await db.execute<{ stripe_customer_id: string }>(sql`
    insert into stripe_customers (billing_account_id, stripe_customer_id) values (${options.accountId}, ${customer.id})
    on conflict (billing_account_id) do update set billing_account_id = excluded.billing_account_id
    returning stripe_customer_id`);
  return stored.rows[0]!.stripe_customer_id;
}
