import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { crashPoint } from "@/lib/faults/crash-point";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { pauseAfterFailedRecharge, sendAutoRechargeNotices } from "./auto-recharge-notices";
import { AUTO_RECHARGE_PURPOSE, fulfillAutoRecharge } from "./fulfill-auto-recharge";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { withStripeCustomer } from "./get-or-create-stripe-customer";
import { getPaymentMetrics } from "./payment-metrics";
import { callStripe, stripeErrorOf, toStripeAppError } from "./stripe-error";

export type AutoRechargeOutcome = "none" | "succeeded" | "failed" | "skipped";

/** Stripe's smallest USD charge; a recharge that the cap would shrink below it is skipped. */
const MIN_CHARGE_CENTS = 50;

type Prepared = { id: string; amountCents: number } | { skipped: string };

// Fixes the amount of a pending request (recharge to the target, within the month's cap) and moves it
// to `charging`, under the request's row lock. The amount never changes afterwards, so every retry
// sends Stripe the same parameters under the same Idempotency-Key.
async function prepare(db: Database, accountId: string): Promise<Prepared | undefined> {
  return runTransaction(db, async (tx) => {
    const found = await tx.execute<{ id: string; status: string; amount: string | null }>(sql`
      select id::text, status, amount_micros::text as amount from auto_recharges
      where billing_account_id = ${accountId} and status in ('pending', 'charging') for update`);
    const request = found.rows[0];
    if (!request) return undefined;
    if (request.status === "charging") return { id: request.id, amountCents: Number(BigInt(request.amount!) / 10_000n) };
    const rows = await tx.execute<{ enabled: boolean; paused: boolean; held: boolean; target: string; cap: string; balance: string; spent: string }>(sql`
      select s.enabled, s.paused_at is not null as paused, s.target_micros::text as target, s.monthly_cap_micros::text as cap,
        exists (select 1 from account_freezes f where f.account_id = s.billing_account_id)
          or exists (select 1 from account_closures c where c.account_id = s.billing_account_id) as held,
        l.balance_micros::text as balance,
        (select coalesce(sum(r.amount_micros), 0)::text from auto_recharges r
          where r.billing_account_id = s.billing_account_id and r.status in ('succeeded', 'charging')
            and r.created_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC') as spent
      from auto_recharge_settings s join ledger_accounts l on l.billing_account_id = s.billing_account_id
      where s.billing_account_id = ${accountId}`);
    const settings = rows.rows[0];
    let skipped: string | undefined;
    let cents = 0;
    if (!settings || !settings.enabled || settings.paused) skipped = "disabled";
    // An operator's freeze (or a closing) stops the money too: no card is charged for an account held.
    else if (settings.held) skipped = "account_held";
    else {
      const wanted = BigInt(settings.target) - BigInt(settings.balance);
      const room = BigInt(settings.cap) - BigInt(settings.spent);
      cents = Number(wanted <= 0n ? 0n : (wanted + 9_999n) / 10_000n);
      if (cents === 0) skipped = "not_needed";
      else if (room < BigInt(MIN_CHARGE_CENTS) * 10_000n) skipped = "monthly_cap";
      else cents = Math.max(MIN_CHARGE_CENTS, Math.min(cents, Number(room / 10_000n)));
    }
    if (skipped) {
      await tx.execute(sql`update auto_recharges set status = 'skipped', failure_code = ${skipped}, updated_at = now() where id = ${request.id}`);
      if (skipped === "monthly_cap") {
        await tx.execute(sql`update auto_recharge_settings set capped_until = date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' + interval '1 month'
          where billing_account_id = ${accountId}`);
      }
      return { skipped };
    }
    await tx.execute(sql`update auto_recharges set status = 'charging', amount_micros = ${BigInt(cents) * 10_000n}, updated_at = now() where id = ${request.id}`);
    return { id: request.id, amountCents: cents };
  });
}

async function defaultCard(customerId: string): Promise<string | undefined> {
  const customer = await callStripe("reading the saved card", () => getStripe().customers.retrieve(customerId));
  if (customer.deleted) throw new AppError("not_found", { message: "The Stripe customer was deleted." });
  const chosen = customer.invoice_settings?.default_payment_method;
  return typeof chosen === "string" ? chosen : (chosen?.id ?? undefined);
}

// The one off-session charge of a request: a PaymentIntent made before (a lost answer) is found by its
// metadata first; otherwise it is created under the deterministic key `auto-recharge:<request id>`.
async function charge(db: Database, owner: BillingOwner, request: { id: string; amountCents: number }): Promise<Stripe.PaymentIntent | "no_card"> {
  return withStripeCustomer(db, owner, async (customer) => {
    const stripe = getStripe();
    const earlier = await callStripe("looking for an earlier charge", () => stripe.paymentIntents.list({ customer, limit: 20 }));
    const made = earlier.data.find((intent) => intent.metadata?.auto_recharge_id === request.id);
    if (made) return made;
    const paymentMethod = await defaultCard(customer);
    if (!paymentMethod) return "no_card";
    return stripe.paymentIntents.create(
      {
        amount: request.amountCents,
        currency: "usd",
        customer,
        payment_method: paymentMethod,
        off_session: true,
        confirm: true,
        description: "Tandem auto-recharge",
        metadata: { billing_account_id: owner.accountId, purpose: AUTO_RECHARGE_PURPOSE, auto_recharge_id: request.id },
      },
      { idempotencyKey: `auto-recharge:${request.id}` },
    );
  });
}

/**
 * The auto-recharge job for one account (pg-boss `auto-recharge`, keyed by account; tests call it
 * directly). Sends any unsent pause notice, then charges the account's one in-flight request. Stripe
 * unreachable or timing out: the request stays `charging` and the error is thrown, so the queue retries
 * later with the same key (never a second charge). A decline or `authentication_required` fails the
 * request, pauses auto-recharge and emails a fresh Checkout link.
 */
export async function runAutoRecharge(db: Database, accountId: string): Promise<AutoRechargeOutcome> {
  const metrics = getPaymentMetrics();
  await sendAutoRechargeNotices(db, accountId);
  const owner = await findBillingOwner(db, accountId);
  const prepared = owner ? await prepare(db, accountId) : undefined;
  if (!owner || !prepared) return "none";
  if ("skipped" in prepared) {
    metrics.autoRecharges.inc({ outcome: `skipped_${prepared.skipped}` });
    getLogger().info({ account: accountId, reason: prepared.skipped }, "auto-recharge skipped");
    return "skipped";
  }
  let intent: Stripe.PaymentIntent | "no_card";
  try {
    crashPoint("auto-recharge:before-stripe");
    intent = await charge(db, owner, prepared);
    crashPoint("auto-recharge:after-stripe");
  } catch (error) {
    const cause = stripeErrorOf(error);
    if (cause?.type === "StripeCardError") {
      const code = cause.code === "authentication_required" ? "authentication_required" : "card_declined";
      await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code, message: cause.message, intentId: cause.payment_intent?.id ?? null });
      await sendAutoRechargeNotices(db, accountId);
      return "failed";
    }
    const appError = toStripeAppError(error, "charging the saved card");
    metrics.autoRecharges.inc({ outcome: "retry" });
    metrics.paymentFailures.inc({ stage: "auto_recharge", code: appError.code });
    getLogger().warn({ account: accountId, request: prepared.id, code: appError.code }, "auto-recharge charge failed; the job retries");
    throw appError;
  }
  if (intent === "no_card") {
    await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code: "no_card", message: "No saved card.", intentId: null });
    await sendAutoRechargeNotices(db, accountId);
    return "failed";
  }
  if (intent.status === "succeeded") {
    await fulfillAutoRecharge(db, intent.id);
    return "succeeded";
  }
  if (intent.status === "processing") throw new AppError("dependency_failed", { message: `Auto-recharge ${intent.id} is still processing.` });
  const code = intent.last_payment_error?.code === "authentication_required" || intent.status === "requires_action" ? "authentication_required" : "card_declined";
  await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code, message: intent.last_payment_error?.message ?? code, intentId: intent.id });
  await sendAutoRechargeNotices(db, accountId);
  return "failed";
}
