// Issue 20: the billing page's invoices (our rows, a page at a time, credit notes beneath, a dispute's
// badge), the statement's invoice link, and the invoice email, on real Postgres, the emulator and the
// mail catcher. Invoices are real Checkout top-ups' (the emulator's invoice_creation), or recorded by the
// site's own recordInvoice from an invoice as Stripe answers it (tests/support/invoices.ts) where a test
// needs many, or tax, or a state of its own.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getStatementLines } from "@/lib/account/get-statement-lines";
import { INVOICE_PAGE_SIZE, listInvoices } from "@/lib/account/list-invoices";
import { getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordCreditNote } from "@/lib/invoices/record-credit-note";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { sendPaymentNotices } from "@/lib/payments/payment-notices";
import { ownerSession } from "../support/billing-contacts";
import { EVENTUALLY } from "../support/eventually";
import { invoiceOutbox, stripeInvoice } from "../support/invoices";
import {
  chargeOf,
  createPayingUser,
  mailSubjectsTo,
  payTopUp,
  startTopUp,
  transfersOf,
  waitForProcessedEvent,
  type TestUser,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

/** A Checkout top-up paid and credited through the webhook; answers its session id. */
async function paidTopUp(user: TestUser, cents: number): Promise<string> {
  const sessionId = await startTopUp(user, cents);
  await payTopUp(harness, sessionId);
  await vi.waitFor(
    async () =>
      expect(
        (await transfersOf(user.accountId)).filter((transfer) => transfer.key === `checkout:${sessionId}`),
      ).toHaveLength(1),
    EVENTUALLY,
  );
  return sessionId;
}

/** The invoice the site recorded for a Checkout top-up (Checkout's `invoice_creation`), as Stripe has it. */
async function invoiceOfSession(sessionId: string): Promise<Stripe.Invoice> {
  let id: string | undefined;
  await vi.waitFor(async () => {
    const rows = await getDb().execute<{ id: string }>(
      sql`select id from invoices where checkout_session_id = ${sessionId}`,
    );
    id = rows.rows[0]?.id;
    expect(id).toBeDefined();
  }, EVENTUALLY);
  return harness.stripe.invoices.retrieve(id!);
}

async function record(user: TestUser, invoice: Stripe.Invoice, checkoutSessionId?: string) {
  return runTransaction(getDb(), (tx) =>
    recordInvoice(
      tx,
      invoice,
      checkoutSessionId
        ? { source: "checkout", checkoutSessionId, accountId: user.accountId }
        : { source: "auto_recharge", autoRechargeId: null, accountId: user.accountId },
    ),
  );
}

function creditNote(invoice: Stripe.Invoice, cents: number, number: string): Stripe.CreditNote {
  return {
    id: `cn_test${number.replace(/\W/g, "")}`,
    object: "credit_note",
    number,
    status: "issued",
    amount: cents,
    pdf: `https://invoice.test/cn/${number}/pdf`,
    invoice: invoice.id,
    created: Math.floor(Date.now() / 1000),
    effective_at: null,
    refunds: [],
  } as unknown as Stripe.CreditNote;
}

describe("the billing page's invoices", () => {
  it("is empty for an account without invoices, and never shows another account's", async () => {
    const user = await createPayingUser();
    const other = await createPayingUser();
    await record(other, stripeInvoice({ netCents: 1000 }));
    expect(await listInvoices(getDb(), user.accountId)).toEqual({ invoices: [], nextCursor: null });
  });

  it("lists each invoice with its tax, links and status, and the credit notes of its refunds beneath it", async () => {
    const user = await createPayingUser();
    const invoice = stripeInvoice({ netCents: 5000, taxCents: 950 });
    await record(user, invoice);
    await runTransaction(getDb(), async (tx) => {
      await recordCreditNote(tx, creditNote(invoice, 1190, `${invoice.number}-CN-01`), {
        accountId: user.accountId,
        invoiceId: invoice.id,
        refundId: "re_test_1",
      });
      await recordCreditNote(tx, creditNote(invoice, 4760, `${invoice.number}-CN-02`), {
        accountId: user.accountId,
        invoiceId: invoice.id,
        refundId: "re_test_2",
      });
    });
    const { invoices, nextCursor } = await listInvoices(getDb(), user.accountId);
    expect(nextCursor).toBeNull();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      status: "paid",
      subtotalCents: 5000n,
      taxCents: 950n,
      totalCents: 5950n,
      hostedInvoiceUrl: invoice.hosted_invoice_url,
      invoicePdfUrl: invoice.invoice_pdf,
      dispute: null,
    });
    expect(invoices[0]!.creditNotes.map((note) => [note.number, note.amountCents, note.pdfUrl])).toEqual([
      [`${invoice.number}-CN-01`, 1190n, `https://invoice.test/cn/${invoice.number}-CN-01/pdf`],
      [`${invoice.number}-CN-02`, 4760n, `https://invoice.test/cn/${invoice.number}-CN-02/pdf`],
    ]);
  });

  it("shows a page of invoices, newest first, and 'older invoices' the rest; a cursor of another account starts over", async () => {
    const user = await createPayingUser();
    const other = await createPayingUser();
    const base = Date.UTC(2026, 0, 1);
    const made: Stripe.Invoice[] = [];
    for (let index = 0; index < INVOICE_PAGE_SIZE + 3; index += 1) {
      const invoice = stripeInvoice({ netCents: 1000 + index, createdAt: new Date(base + index * 86_400_000) });
      made.push(invoice);
      await record(user, invoice);
    }
    const foreign = stripeInvoice({ netCents: 700 });
    await record(other, foreign);
    const newestFirst = made.map((invoice) => invoice.id).reverse();
    const first = await listInvoices(getDb(), user.accountId);
    expect(first.invoices.map((invoice) => invoice.id)).toEqual(newestFirst.slice(0, INVOICE_PAGE_SIZE));
    expect(first.nextCursor).toBe(newestFirst[INVOICE_PAGE_SIZE - 1]);
    const second = await listInvoices(getDb(), user.accountId, { before: first.nextCursor! });
    expect(second.invoices.map((invoice) => invoice.id)).toEqual(newestFirst.slice(INVOICE_PAGE_SIZE));
    expect(second.nextCursor).toBeNull();
    const foreignCursor = await listInvoices(getDb(), user.accountId, { before: foreign.id });
    expect(foreignCursor.invoices[0]!.id).toBe(newestFirst[0]);
  });

  it("shows a dispute on its invoice's row: opened, then lost; and won", async () => {
    const user = await createPayingUser();
    const lostSession = await paidTopUp(user, 4000);
    const lostInvoice = await invoiceOfSession(lostSession);
    const wonSession = await paidTopUp(user, 3000);
    const wonInvoice = await invoiceOfSession(wonSession);
    const disputeOf = async (invoiceId: string) =>
      (await listInvoices(getDb(), user.accountId)).invoices.find((invoice) => invoice.id === invoiceId)?.dispute;

    const lost = await harness.control<{ id: string }>(
      "POST",
      `/charges/${await chargeOf(harness, lostSession)}/dispute`,
      {},
    );
    await vi.waitFor(async () => expect(await disputeOf(lostInvoice.id)).toBe("opened"), EVENTUALLY);
    expect(await disputeOf(wonInvoice.id)).toBeNull();
    await harness.control("POST", `/disputes/${lost.id}/close`, { status: "lost" });
    await waitForProcessedEvent("charge.dispute.closed", lost.id);
    expect(await disputeOf(lostInvoice.id)).toBe("lost");

    const won = await harness.control<{ id: string }>(
      "POST",
      `/charges/${await chargeOf(harness, wonSession)}/dispute`,
      {},
    );
    await waitForProcessedEvent("charge.dispute.created", won.id);
    await harness.control("POST", `/disputes/${won.id}/close`, { status: "won" });
    await waitForProcessedEvent("charge.dispute.closed", won.id);
    expect(await disputeOf(wonInvoice.id)).toBe("won");
    expect(await disputeOf(lostInvoice.id)).toBe("lost");
  });
});

describe("the statement's invoice links", () => {
  it("links a top-up's line to its invoice, beside its receipt", async () => {
    const user = await createPayingUser();
    const sessionId = await paidTopUp(user, 2500);
    const invoice = await invoiceOfSession(sessionId);
    const page = await getStatementLines(getDb(), ownerSession(user), { filter: "all" });
    const topUp = page.lines.find((line) => line.type !== "usage" && line.movement.kind === "top_up");
    expect(topUp?.type !== "usage" && topUp?.movement).toMatchObject({
      invoice: { number: invoice.number, url: invoice.hosted_invoice_url },
    });
  });
});

describe("the invoice email", () => {
  it("goes once to the owner and each confirmed contact when the invoice is first recorded paid, however often it is recorded", async () => {
    const user = await createPayingUser();
    const contact = `finance-${user.accountId}@example.test`;
    const unconfirmed = `later-${user.accountId}@example.test`;
    await getDb().execute(sql`
      insert into billing_contacts (account_id, email, confirmed_at) values (${user.accountId}, ${contact}, now()), (${user.accountId}, ${unconfirmed}, null)`);
    const open = stripeInvoice({ netCents: 5000, taxCents: 950, status: "open" });
    expect((await record(user, open)).emailIds).toEqual([]);
    expect(await invoiceOutbox(open.id)).toEqual([]);

    const paid = { ...open, status: "paid" } as Stripe.Invoice;
    const first = await record(user, paid);
    expect(first.emailIds).toHaveLength(2);
    const outbox = await invoiceOutbox(open.id);
    expect(outbox.map((row) => [row.key, row.to, row.subject])).toEqual([
      [`invoice:${open.id}`, user.email, `Invoice ${open.number}`],
      [
        expect.stringMatching(new RegExp(`^invoice:${open.id}:contact:\\d+$`)) as string,
        contact,
        `Invoice ${open.number}`,
      ],
    ]);
    // Replays: the same paid invoice recorded again (a redelivered event, reconciliation) owes nothing more.
    expect((await record(user, paid)).emailIds).toEqual([]);
    await Promise.all([record(user, paid), record(user, paid)]);
    expect(await invoiceOutbox(open.id)).toHaveLength(2);

    await sendPaymentNotices(getDb(), { accountIds: [user.accountId] });
    await vi.waitFor(async () => expect(await mailSubjectsTo(contact)).toEqual([`Invoice ${open.number}`]), EVENTUALLY);
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Invoice"))).toEqual([
      `Invoice ${open.number}`,
    ]);
    expect(await mailSubjectsTo(unconfirmed)).toEqual([]);
  });
});
