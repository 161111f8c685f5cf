// Issue 20 with STRIPE_AUTOMATIC_TAX=1: an auto-recharge invoice adds the tax of the customer's country
// on top of the credit (the emulator's fixed rate: DE 19 %). The card pays credit plus tax; the ledger
// credits only the credit, because tax is owed to the state, never spendable.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { getAutoRechargeState } from "@/lib/payments/auto-recharge-settings";
import { debit, rechargesOf, turnOnAutoRecharge } from "../support/auto-recharge";
import { balanceOf, createPayingUser, customerOf, saveCard, transfersOf, runStripeHarnessInThisFile } from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile({ automaticTax: true, webhooks: "drop" });

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

async function rechargeIn(country: string) {
  const user = await createPayingUser();
  await saveCard(harness, user);
  const customer = await customerOf(user.accountId);
  await harness.stripe.customers.update(customer, { address: { country, line1: "Hauptstraße 1", city: "Berlin", postal_code: "10115" } });
  await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
  await debit(user.accountId, 200); // $5 → $3: recharge $17
  expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
  const [invoice, ...more] = (await harness.stripe.invoices.list({ customer })).data;
  expect(more).toEqual([]);
  const [intent] = (await harness.stripe.paymentIntents.list({ customer })).data;
  const rows = await getDb().execute<{ subtotal: string; tax: string; total: string }>(sql`
    select subtotal_cents::text as subtotal, tax_cents::text as tax, total_cents::text as total from invoices where id = ${invoice!.id}`);
  return { user, invoice: invoice!, intent: intent!, row: rows.rows[0] };
}

describe("auto-recharge with automatic tax", () => {
  it("a German customer's card pays the credit plus 19 %, and the ledger credits only the credit", async () => {
    const { user, invoice, intent, row } = await rechargeIn("DE");
    expect(invoice).toMatchObject({ status: "paid", automatic_tax: { enabled: true }, total: 2023, amount_paid: 2023 });
    expect(invoice.total_excluding_tax).toBe(1700);
    expect(intent.amount_received || intent.amount).toBe(2023);
    expect(row).toEqual({ subtotal: "1700", tax: "323", total: "2023" });
    expect((await transfersOf(user.accountId)).filter((transfer) => transfer.kind === "top_up").map((transfer) => transfer.micros)).toEqual([M(17)]);
    expect(await balanceOf(user.accountId)).toBe(M(20));
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "succeeded", amount: M(17), code: null }]);
  });

  it("a customer in a country without a test rate pays the credit alone", async () => {
    const { user, invoice, row } = await rechargeIn("US");
    expect(invoice).toMatchObject({ status: "paid", total: 1700, amount_paid: 1700 });
    expect(row).toEqual({ subtotal: "1700", tax: "0", total: "1700" });
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("a customer with no billing address pauses with a way out, instead of the job retrying for ever", async () => {
    // A card saved without a Checkout payment (setup mode) leaves no address: Stripe Tax cannot place the
    // customer, so finalizing the invoice is refused. That will not change by retrying.
    const user = await createPayingUser();
    await saveCard(harness, user);
    const customer = await customerOf(user.accountId);
    await harness.stripe.customers.update(customer, { address: "" });
    expect((await harness.stripe.customers.retrieve(customer)) as { address: unknown }).toMatchObject({ address: null });
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("failed");
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "failed", amount: M(17), code: "billing_address_missing" }]);
    expect((await getAutoRechargeState(getDb(), user.accountId))?.pausedReason).toBe("billing_address_missing");
    expect(await balanceOf(user.accountId)).toBe(M(3));
    const paid = (await harness.stripe.paymentIntents.list({ customer })).data.filter((intent) => intent.status === "succeeded");
    expect(paid).toEqual([]);
    // The email owed says why; its Checkout link's page asks for the address and resumes the recharge.
    const emails = await getDb().execute<{ subject: string }>(sql`
      select subject from email_outbox where account_id = ${user.accountId} and template = 'auto-recharge-paused'`);
    expect(emails.rows).toEqual([{ subject: "Auto-recharge paused: your billing address is needed" }]);
  });
});
