import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { getEnv } from "@/lib/env";
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

// A card that needs the customer present: Stripe says so on the PaymentIntent, or on the invoice it pays.
const AUTHENTICATION_CODES = new Set(["authentication_required", "invoice_payment_intent_requires_action"]);

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

// The request's one invoice, found again after a lost answer by its metadata (the customer's latest
// invoices: a request is charged within minutes of being made).
async function findInvoice(customer: string, requestId: string): Promise<Stripe.Invoice | undefined> {
  const recent = await callStripe("looking for an earlier invoice", () => getStripe().invoices.list({ customer, limit: 20 }));
  return recent.data.find((invoice) => invoice.metadata?.auto_recharge_id === requestId);
}

// The one off-session charge of a request, through an invoice so the customer gets one for it: create
// (or find again) the invoice, add the one "Prepaid credit" line, finalize, pay with the default card.
// Every step has a deterministic Idempotency-Key `auto-recharge:<request id>:<step>`, and a step is
// skipped when the invoice found again shows it done, so a retry never finalizes or pays twice.
async function charge(db: Database, owner: BillingOwner, request: { id: string; amountCents: number }): Promise<Stripe.Invoice | "no_card"> {
  return withStripeCustomer(db, owner, async (customer) => {
    const stripe = getStripe();
    const key = `auto-recharge:${request.id}`;
    const metadata = { billing_account_id: owner.accountId, purpose: AUTO_RECHARGE_PURPOSE, auto_recharge_id: request.id };
    let invoice = await findInvoice(customer, request.id);
    if (invoice?.status === "paid") return invoice;
    const paymentMethod = await defaultCard(customer);
    if (!paymentMethod) return "no_card";
    invoice ??= await stripe.invoices.create(
      {
        customer,
        collection_method: "charge_automatically",
        auto_advance: false,
        pending_invoice_items_behavior: "exclude",
        currency: "usd",
        description: "Tandem auto-recharge",
        metadata,
        automatic_tax: { enabled: getEnv().stripe.automaticTax },
      },
      { idempotencyKey: `${key}:invoice` },
    );
    if (invoice.status === "draft") {
      if (invoice.lines.data.length === 0) {
        // Tax-exclusive: the credit is the fixed amount, any tax is added on top of it.
        await stripe.invoiceItems.create(
          { customer, invoice: invoice.id, amount: request.amountCents, currency: "usd", description: "Prepaid credit", metadata },
          { idempotencyKey: `${key}:item` },
        );
      }
      invoice = await stripe.invoices.finalizeInvoice(invoice.id, { auto_advance: false }, { idempotencyKey: `${key}:finalize` });
    }
    if (invoice.status !== "open") return invoice;
    return stripe.invoices.pay(invoice.id, { payment_method: paymentMethod, off_session: true }, { idempotencyKey: `${key}:pay` });
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
  let invoice: Stripe.Invoice | "no_card";
  try {
    crashPoint("auto-recharge:before-stripe");
    invoice = await charge(db, owner, prepared);
    crashPoint("auto-recharge:after-stripe");
  } catch (error) {
    const cause = stripeErrorOf(error);
    if (cause?.type === "StripeCardError") {
      const code = AUTHENTICATION_CODES.has(cause.code ?? "") ? "authentication_required" : "card_declined";
      await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code, message: cause.message, intentId: cause.payment_intent?.id ?? null });
      await sendAutoRechargeNotices(db, accountId);
      return "failed";
    }
    // Stripe Tax cannot place a customer without a billing address (a card saved in setup mode): no
    // retry changes that, so pause and email the Checkout link, which asks for the address.
    if (cause?.code === "customer_tax_location_invalid") {
      const message = "Tax is worked out from the billing address, and the customer has none.";
      await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code: "billing_address_missing", message, intentId: null });
      await sendAutoRechargeNotices(db, accountId);
      return "failed";
    }
    const appError = toStripeAppError(error, "charging the saved card");
    metrics.autoRecharges.inc({ outcome: "retry" });
    metrics.paymentFailures.inc({ stage: "auto_recharge", code: appError.code });
    getLogger().warn({ account: accountId, request: prepared.id, code: appError.code }, "auto-recharge charge failed; the job retries");
    throw appError;
  }
  if (invoice === "no_card") {
    await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code: "no_card", message: "No saved card.", intentId: null });
    await sendAutoRechargeNotices(db, accountId);
    return "failed";
  }
  if (invoice.status === "paid") {
    await fulfillAutoRecharge(db, invoice.id);
    return "succeeded";
  }
  // Voided or written off by an operator in Stripe's dashboard: this request will never be paid.
  const message = `Invoice ${invoice.id} is ${invoice.status ?? "unknown"}, not paid.`;
  await pauseAfterFailedRecharge(db, { accountId, requestId: prepared.id, code: "card_declined", message, intentId: null });
  await sendAutoRechargeNotices(db, accountId);
  return "failed";
}
