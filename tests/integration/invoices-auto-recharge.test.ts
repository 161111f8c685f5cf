// Issue 20: an auto-recharge is charged through an invoice. One request, one paid invoice with one
// "Prepaid credit" line, one credit for its net amount, however often the job, the webhooks and
// reconciliation run, and whatever answers Stripe loses.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { debit, rechargesOf, turnOnAutoRecharge } from "../support/auto-recharge";
import { createBarrier } from "../support/concurrency";
import { balanceOf, createPayingUser, customerOf, saveCard, transfersOf, type TestUser, runStripeHarnessInThisFile } from "../support/stripe-harness";

// The job itself must credit: no webhook may do it behind the test's back (a test turns them on).
const harness = runStripeHarnessInThisFile({ webhooks: "drop" });

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

async function rechargingUser(): Promise<TestUser> {
  const user = await createPayingUser();
  await saveCard(harness, user);
  await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
  return user;
}

async function invoicesAtStripe(accountId: string): Promise<Stripe.Invoice[]> {
  return (await harness.stripe.invoices.list({ customer: await customerOf(accountId), limit: 100 })).data;
}

async function intentsAtStripe(accountId: string): Promise<Stripe.PaymentIntent[]> {
  return (await harness.stripe.paymentIntents.list({ customer: await customerOf(accountId), limit: 100 })).data;
}

async function invoiceRowsOf(accountId: string) {
  const rows = await getDb().execute<{ id: string; source: string; recharge: string | null; status: string; subtotal: string; tax: string; total: string; pi: string | null; charge: string | null; number: string | null; pdf: string | null }>(sql`
    select id, source, auto_recharge_id::text as recharge, status, subtotal_cents::text as subtotal, tax_cents::text as tax,
      total_cents::text as total, payment_intent_id as pi, charge_id as charge, number, invoice_pdf_url as pdf
    from invoices where billing_account_id = ${accountId} order by created_at`);
  return rows.rows;
}

async function rechargeIdOf(accountId: string): Promise<string> {
  const rows = await getDb().execute<{ id: string }>(sql`select id::text from auto_recharges where billing_account_id = ${accountId} order by created_at desc limit 1`);
  return rows.rows[0]!.id;
}

describe("auto-recharge through an invoice", () => {
  it("racing jobs make one paid invoice with one 'Prepaid credit' line and one credit, indexed with its payment", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200); // $5 → $3: under the threshold, recharge $17
    const barrier = createBarrier(3);
    const outcomes = await Promise.all(
      [1, 2, 3].map(async () => {
        await barrier();
        return runAutoRecharge(getDb(), user.accountId).catch(() => "error");
      }),
    );
    expect(outcomes).toContain("succeeded");
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");

    const [invoice, ...more] = await invoicesAtStripe(user.accountId);
    expect(more).toEqual([]);
    const requestId = await rechargeIdOf(user.accountId);
    expect(invoice).toMatchObject({
      status: "paid",
      collection_method: "charge_automatically",
      total: 1700,
      amount_paid: 1700,
      metadata: { billing_account_id: user.accountId, purpose: "auto_recharge", auto_recharge_id: requestId },
    });
    expect(invoice!.number).toBeTruthy();
    expect(invoice!.invoice_pdf).toBeTruthy();
    expect(invoice!.lines.data.map((line) => [line.description, line.amount])).toEqual([["Prepaid credit", 1700]]);
    expect(await intentsAtStripe(user.accountId)).toHaveLength(1);

    const credits = (await transfersOf(user.accountId)).filter((transfer) => transfer.kind === "top_up");
    const [intent] = await intentsAtStripe(user.accountId);
    expect(credits).toEqual([{ kind: "top_up", key: `payment_intent:${intent!.id}`, micros: M(17) }]);
    expect(await balanceOf(user.accountId)).toBe(M(20));
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "succeeded", amount: M(17), code: null }]);
    expect(await invoiceRowsOf(user.accountId)).toEqual([
      {
        id: invoice!.id,
        source: "auto_recharge",
        recharge: requestId,
        status: "paid",
        subtotal: "1700",
        tax: "0",
        total: "1700",
        pi: intent!.id,
        charge: typeof intent!.latest_charge === "string" ? intent!.latest_charge : intent!.latest_charge!.id,
        number: invoice!.number,
        pdf: invoice!.invoice_pdf,
      },
    ]);
  });

  it("a declined card pauses as before and leaves the invoice open, uncredited", async () => {
    const user = await rechargingUser();
    const customer = await customerOf(user.accountId);
    const declining = await harness.stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer });
    await harness.stripe.customers.update(customer, { invoice_settings: { default_payment_method: declining.id } });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("failed");
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "failed", amount: M(17), code: "card_declined" }]);
    const [invoice, ...more] = await invoicesAtStripe(user.accountId);
    expect(more).toEqual([]);
    expect(invoice).toMatchObject({ status: "open", amount_paid: 0 });
    expect(await balanceOf(user.accountId)).toBe(M(3));
    expect(await invoiceRowsOf(user.accountId)).toEqual([]);
  });

  it("lost answers at every step never make a second invoice or charge", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200);
    // Stripe creates the invoice, then its answer is lost; likewise each later step once.
    const lostAt = async (path: string) => {
      await harness.control("DELETE", "/faults");
      await harness.control("POST", "/faults", { method: "POST", path, kind: "timeout", timeoutMs: 100, count: 2, after: true });
      const lost = await runAutoRecharge(getDb(), user.accountId).catch((thrown: unknown) => thrown);
      expect((lost as AppError).code, path).toBe("dependency_failed");
      expect(await rechargesOf(user.accountId)).toEqual([{ status: "charging", amount: M(17), code: null }]);
      expect(await balanceOf(user.accountId)).toBe(M(3));
    };
    await lostAt("/v1/invoices");
    const [draft, ...others] = await invoicesAtStripe(user.accountId);
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ status: "draft" });
    await lostAt("/v1/invoiceitems");
    await lostAt(`/v1/invoices/${draft!.id}/finalize`);
    await lostAt(`/v1/invoices/${draft!.id}/pay`);
    expect((await invoicesAtStripe(user.accountId)).map((invoice) => invoice.status)).toEqual(["paid"]);
    await harness.control("DELETE", "/faults");
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const invoices = await invoicesAtStripe(user.accountId);
    expect(invoices.map((invoice) => [invoice.status, invoice.lines.data.length, invoice.amount_paid])).toEqual([["paid", 1, 1700]]);
    expect(await intentsAtStripe(user.accountId)).toHaveLength(1);
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("Stripe down leaves the request charging for a retry; paid but unread, the retry credits once", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200);
    await harness.control("POST", "/faults", { method: "POST", path: "/v1/invoices", kind: "500", count: 5 });
    const down = await runAutoRecharge(getDb(), user.accountId).catch((thrown: unknown) => thrown);
    expect((down as AppError).code).toBe("dependency_failed");
    expect(await invoicesAtStripe(user.accountId)).toEqual([]);
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "charging", amount: M(17), code: null }]);

    // Paid, then the re-read that credits fails (as if the process died after Stripe answered).
    await harness.control("DELETE", "/faults");
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/invoices/", kind: "500", count: 2 });
    const unread = await runAutoRecharge(getDb(), user.accountId).catch((thrown: unknown) => thrown);
    expect((unread as AppError).code).toBe("dependency_failed");
    expect((await invoicesAtStripe(user.accountId)).map((invoice) => invoice.status)).toEqual(["paid"]);
    expect(await balanceOf(user.accountId)).toBe(M(3));
    await harness.control("DELETE", "/faults");
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    expect(await intentsAtStripe(user.accountId)).toHaveLength(1);
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("every event, delivered again or handled afresh in any order, changes nothing; the bare PaymentIntent event is not ours", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const ledger = await transfersOf(user.accountId);
    const rows = await invoiceRowsOf(user.accountId);
    const [invoice] = await invoicesAtStripe(user.accountId);
    const [intent] = await intentsAtStripe(user.accountId);
    const events = (await harness.stripe.events.list({ limit: 100 })).data.filter((event) => {
      const object = event.data.object as { id?: string };
      return object.id === invoice!.id || object.id === intent!.id;
    });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["invoice.finalized", "invoice.paid", "payment_intent.succeeded"]));
    for (const event of [...events].reverse()) {
      // A fresh id: the effect itself runs again, not only the stored-event short cut.
      const fresh = await handleStripeEvent(getDb(), { ...event, id: `${event.id}_again` });
      if (event.type === "payment_intent.succeeded") expect(fresh.outcome).toBe("ignored");
      else if (event.type.startsWith("invoice.")) expect(fresh.outcome, event.type).toMatch(/^(duplicate|ignored)$/);
      expect((await handleStripeEvent(getDb(), { ...event, id: `${event.id}_again` })).outcome).toBe("duplicate");
    }
    expect(await transfersOf(user.accountId)).toEqual(ledger);
    expect(await invoiceRowsOf(user.accountId)).toEqual(rows);
  });

  it("the invoice.paid webhook alone credits a paid auto-recharge invoice the job never read back", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200);
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/invoices/", kind: "500", count: 2 });
    await runAutoRecharge(getDb(), user.accountId).catch(() => undefined);
    await harness.control("DELETE", "/faults");
    expect(await balanceOf(user.accountId)).toBe(M(3));
    const [invoice] = await invoicesAtStripe(user.accountId);
    const paid = (await harness.stripe.events.list({ type: "invoice.paid", limit: 100 })).data.find(
      (event) => (event.data.object as { id: string }).id === invoice!.id,
    );
    expect(await handleStripeEvent(getDb(), paid!)).toMatchObject({ outcome: "applied", accountId: user.accountId });
    expect(await balanceOf(user.accountId)).toBe(M(20));
    expect(await rechargesOf(user.accountId)).toEqual([{ status: "succeeded", amount: M(17), code: null }]);
    // The job's retry finds the invoice paid and credited: nothing more.
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect(await balanceOf(user.accountId)).toBe(M(20));
  });

  it("a refund of an auto-recharge's charge finds its credit, also before the job credited it", async () => {
    const user = await rechargingUser();
    await debit(user.accountId, 200);
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/invoices/", kind: "500", count: 2 });
    await runAutoRecharge(getDb(), user.accountId).catch(() => undefined);
    await harness.control("DELETE", "/faults");
    const [intent] = await intentsAtStripe(user.accountId);
    const refund = await harness.stripe.refunds.create({ payment_intent: intent!.id, amount: 500 });
    const refunded = (await harness.stripe.events.list({ type: "charge.refunded", limit: 100 })).data.find(
      (event) => (event.data.object as Stripe.Charge).id === refund.charge,
    );
    expect(await handleStripeEvent(getDb(), refunded!)).toMatchObject({ outcome: "applied", accountId: user.accountId });
    expect(await balanceOf(user.accountId)).toBe(M(15));
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect(await balanceOf(user.accountId)).toBe(M(15));
  });
});
