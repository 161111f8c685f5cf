// Issue 20: refunds issue credit notes against the invoice they refund, and reverse only the credit's
// share of the money (tax was never credit). Real Postgres, the emulator's invoices and credit notes,
// auto-recharges paid through invoices with automatic tax (the emulator's DE rate is 19 %; US has none).
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { listInvoices } from "@/lib/account/list-invoices";
import { getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { applyChargeRefunds } from "@/lib/payments/apply-charge-refunds";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { asOwner } from "../support/as-owner";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import { EVENTUALLY } from "../support/eventually";
import {
  balanceOf,
  createPayingUser,
  customerOf,
  saveCard,
  transfersOf,
  type TestUser,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

// before anything reads the environment (parsed once per file)
const harness = runStripeHarnessInThisFile({ automaticTax: true });

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

type Recharged = { user: TestUser; invoice: Stripe.Invoice; chargeId: string; customer: string };

/** A $17 auto-recharge for a customer in `country`, paid through an invoice (with its tax, if any). */
async function rechargeIn(country: string): Promise<Recharged> {
  const user = await createPayingUser();
  await saveCard(harness, user);
  const customer = await customerOf(user.accountId);
  await harness.stripe.customers.update(customer, {
    address: { country, line1: "Hauptstraße 1", city: "Berlin", postal_code: "10115" },
  });
  await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
  await debit(user.accountId, 200); // $5 → $3: recharge $17
  expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
  const [invoice] = (await harness.stripe.invoices.list({ customer })).data;
  const [intent] = (await harness.stripe.paymentIntents.list({ customer })).data;
  const charge = intent!.latest_charge;
  return { user, invoice: invoice!, chargeId: typeof charge === "string" ? charge : charge!.id, customer };
}

async function refundsOf(accountId: string): Promise<bigint[]> {
  return (await transfersOf(accountId))
    .filter((transfer) => transfer.kind === "refund")
    .map((transfer) => transfer.micros);
}

async function notesOf(invoiceId: string) {
  const rows = await getDb().execute<{ id: string; refund_id: string | null; amount: string }>(sql`
    select id, refund_id, amount_cents::text as amount from credit_notes where invoice_id = ${invoiceId} order by issued_at, created_at, id`);
  return rows.rows;
}

async function stripeNotesOf(invoiceId: string): Promise<Stripe.CreditNote[]> {
  return (await harness.stripe.creditNotes.list({ invoice: invoiceId, limit: 100 })).data;
}

/** Every event Stripe sent about the customer's money, handled again as if Stripe had sent it anew. */
async function replayEverything(): Promise<void> {
  const events = await harness.stripe.events.list({ limit: 100 });
  for (const event of events.data) await handleStripeEvent(getDb(), { ...event, id: `${event.id}_again` });
}

async function settledRefunds(accountId: string, count: number): Promise<void> {
  await vi.waitFor(async () => expect(await refundsOf(accountId)).toHaveLength(count), EVENTUALLY);
}

describe("refunds of invoiced credit", () => {
  it("a full refund of a taxed invoice reverses exactly the net credit and issues one credit note for the whole amount", async () => {
    const { user, invoice, chargeId } = await rechargeIn("DE");
    expect(invoice).toMatchObject({ total: 2023, total_excluding_tax: 1700 });
    await harness.control("POST", `/charges/${chargeId}/refund`, {});
    await settledRefunds(user.accountId, 1);
    expect(await refundsOf(user.accountId)).toEqual([M(17)]);
    expect(await balanceOf(user.accountId)).toBe(M(3));
    await vi.waitFor(async () => expect(await notesOf(invoice.id)).toHaveLength(1), EVENTUALLY);
    const [note] = await stripeNotesOf(invoice.id);
    expect(note).toMatchObject({ amount: 2023 });
    expect(await notesOf(invoice.id)).toEqual([
      { id: note!.id, refund_id: expect.stringMatching(/^re_/) as string, amount: "2023" },
    ]);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("two partial refunds make two notes of exactly their amounts, and their reversals add up to the net credit", async () => {
    const { user, invoice, chargeId } = await rechargeIn("DE");
    await harness.control("POST", `/charges/${chargeId}/refund`, { amount: 1000 });
    await settledRefunds(user.accountId, 1);
    // 1000 × 1700 / 2023 cents, rounded down to the micro.
    expect(await refundsOf(user.accountId)).toEqual([8_403_361n]);
    await harness.control("POST", `/charges/${chargeId}/refund`, { amount: 1023 });
    await settledRefunds(user.accountId, 2);
    const reversed = await refundsOf(user.accountId);
    expect(reversed.reduce((sum, micros) => sum + micros, 0n)).toBe(M(17));
    await vi.waitFor(
      async () => expect((await notesOf(invoice.id)).map((note) => note.amount).sort()).toEqual(["1000", "1023"]),
      EVENTUALLY,
    );
    expect((await stripeNotesOf(invoice.id)).map((note) => note.amount).sort()).toEqual([1000, 1023]);
    const [row] = (await listInvoices(getDb(), user.accountId)).invoices;
    // Two notes can be issued in the same second, by two events in either order: compare as a set.
    expect(row?.creditNotes.map((note) => Number(note.amountCents)).sort()).toEqual([1000, 1023]);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("without tax a partial refund reverses its own amount and gets its note", async () => {
    const { user, invoice, chargeId } = await rechargeIn("US");
    expect(invoice).toMatchObject({ total: 1700 });
    await harness.control("POST", `/charges/${chargeId}/refund`, { amount: 500 });
    await settledRefunds(user.accountId, 1);
    expect(await refundsOf(user.accountId)).toEqual([M(5)]);
    await vi.waitFor(
      async () => expect((await notesOf(invoice.id)).map((note) => note.amount)).toEqual(["500"]),
      EVENTUALLY,
    );
  });

  it("replaying every event, and a lost answer after Stripe made the note, change nothing: no second note, no second reversal", async () => {
    const { user, invoice, chargeId } = await rechargeIn("DE");
    await harness.control("POST", `/charges/${chargeId}/refund`, { amount: 1500 });
    await settledRefunds(user.accountId, 1);
    await vi.waitFor(async () => expect(await notesOf(invoice.id)).toHaveLength(1), EVENTUALLY);
    const before = {
      transfers: await transfersOf(user.accountId),
      balance: await balanceOf(user.accountId),
      notes: await notesOf(invoice.id),
    };

    await replayEverything();
    await applyChargeRefunds(getDb(), chargeId);
    // Our record of the note lost (the answer never came back): the next delivery finds Stripe's note.
    await asOwner("delete from credit_notes where invoice_id = $1", [invoice.id]);
    await applyChargeRefunds(getDb(), chargeId);

    expect(await transfersOf(user.accountId)).toEqual(before.transfers);
    expect(await balanceOf(user.accountId)).toBe(before.balance);
    expect(await notesOf(invoice.id)).toEqual(before.notes);
    expect(await stripeNotesOf(invoice.id)).toHaveLength(1);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("a dispute on a taxed invoice holds only the net credit, shows on the invoice's row, and a won one gives it back", async () => {
    const { user, invoice, chargeId } = await rechargeIn("DE");
    const dispute = await harness.control<{ id: string }>("POST", `/charges/${chargeId}/dispute`, {});
    await vi.waitFor(
      async () => expect((await transfersOf(user.accountId)).map((transfer) => transfer.kind)).toContain("dispute"),
      EVENTUALLY,
    );
    expect((await transfersOf(user.accountId)).find((transfer) => transfer.kind === "dispute")?.micros).toBe(M(17));
    expect(await balanceOf(user.accountId)).toBe(M(3));
    expect((await listInvoices(getDb(), user.accountId)).invoices.find((row) => row.id === invoice.id)?.dispute).toBe(
      "opened",
    );
    await harness.control("POST", `/disputes/${dispute.id}/close`, { status: "won" });
    await vi.waitFor(async () => expect(await balanceOf(user.accountId)).toBe(M(20)), EVENTUALLY);
    expect((await listInvoices(getDb(), user.accountId)).invoices.find((row) => row.id === invoice.id)?.dispute).toBe(
      "won",
    );
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });
});
