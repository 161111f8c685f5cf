// One money event, one email (issue 17): what one transaction causes (an auto-recharge's receipt and the
// standing change it resolves; a top-up that unfreezes) reaches the owner as ONE message that says all
// of it, not two or three in the same second. Real Postgres, the real sender and the mail catcher.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getEnv } from "@/lib/env";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { fulfillCheckout } from "@/lib/payments/fulfill-checkout";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { mailTo, type CaughtEmail } from "../support/auth-harness";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import { EVENTUALLY } from "../support/eventually";
import { settle } from "../support/signup-fixtures";
import {
  createPayingUser,
  payTopUp,
  saveCard,
  startTopUp,
  transfersOf,
  type TestUser,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

/** Sends what the account is owed, as the after-response send and the sweep do, and waits for it to land. */
async function flush(user: TestUser): Promise<CaughtEmail[]> {
  await sendOutboxEmails(getDb(), { accountIds: [user.accountId] });
  await settle();
  return mailTo(user.email);
}

async function stateOf(accountId: string): Promise<string> {
  const rows = await getDb().execute<{ state: string }>(
    sql`select state from billing_accounts where id = ${accountId}`,
  );
  return rows.rows[0]!.state;
}

describe("one email per money event", () => {
  it("an auto-recharge that lifts a low account sends exactly one email: the receipt, saying the account is back in good standing", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    const before = (await flush(user)).length;

    await debit(user.accountId, 200); // $5 → $3: low, and a recharge is asked for in the same posting
    expect(await stateOf(user.accountId)).toBe("low");
    await flush(user); // what the usage request sends after its response
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    expect(await stateOf(user.accountId)).toBe("active");
    const after = await flush(user); // and the sweep

    const fresh = after.slice(before);
    expect(fresh.map((mail) => mail.subject)).toEqual(["Receipt: $17.00 added to your Tandem balance"]);
    const [receipt] = fresh;
    expect(receipt!.html).toContain("<!DOCTYPE html");
    expect(receipt!.text).toContain("Auto-recharge charged your saved card $17.00");
    expect(receipt!.text).toContain("Balance now: $20.00");
    expect(receipt!.text).toContain("Back in good standing");
    // Nothing is left owed that would follow a moment later.
    const owed = await getDb().execute(
      sql`select 1 from email_outbox where account_id = ${user.accountId} and sent_at is null`,
    );
    expect(owed.rows).toEqual([]);
  });

  it("a fall to low that asks for an auto-recharge is told by the recharge's receipt, not a low-balance email a second before it", async () => {
    const user = await createPayingUser();
    await payTopUp(harness, await startTopUp(user, 2_500)); // $30: active, and the card is saved
    await vi.waitFor(async () => expect(await stateOf(user.accountId)).toBe("active"), EVENTUALLY);
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await vi.waitFor(async () => expect((await mailTo(user.email)).length).toBeGreaterThan(0), EVENTUALLY);
    const before = (await flush(user)).length;

    await debit(user.accountId, 2_700); // $30 → $3: active → low, and the recharge asked for with it
    expect(await stateOf(user.accountId)).toBe("low");
    await flush(user);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const fresh = (await flush(user)).slice(before);
    expect(fresh.map((mail) => mail.subject)).toEqual(["Receipt: $17.00 added to your Tandem balance"]);
    expect(fresh[0]!.text).toContain("Back in good standing");
  });

  it("a top-up that unfreezes sends one email: the receipt, saying the apps run again", async () => {
    const user = await createPayingUser();
    await debit(user.accountId, 1_050); // $5 → -$5.50 rated: frozen at the -$5 floor, the $0.50 past it written off
    expect(await stateOf(user.accountId)).toBe("frozen");
    const before = (await flush(user)).length;

    await payTopUp(harness, await startTopUp(user, 2_500)); // the webhook credits it and sends at once
    await vi.waitFor(async () => expect(await stateOf(user.accountId)).toBe("active"), EVENTUALLY);
    await vi.waitFor(async () => expect((await mailTo(user.email)).length).toBeGreaterThan(before), EVENTUALLY);
    const fresh = (await flush(user)).slice(before);
    expect(fresh.map((mail) => mail.subject)).toEqual(["Receipt: $25.00 added to your Tandem balance"]);
    expect(fresh[0]!.text).toContain("Your apps are running again");
    expect(fresh[0]!.text).toContain("Balance now: $20.00");
  });
});

describe("the frozen email", () => {
  it("offers a one-click 'Pay $X to unfreeze' for the shortfall past the floor, in cents, to /account/billing/unfreeze", async () => {
    const user = await createPayingUser();
    // $5 → -$17.35 rated: usage stops at the -$5 floor (the rest is written off), and a balance at the
    // floor is itself frozen, so a cent would unfreeze it: the email asks for the minimum top-up. The
    // rounding of a shortfall past the floor (a refund or dispute can leave one) is unfreeze-amount.test.ts's.
    await debit(user.accountId, 2_235);
    const frozen = (await flush(user)).find((mail) => mail.subject === "Your Tandem apps are frozen");
    expect(frozen, "the frozen email").toBeDefined();
    const link = `${getEnv().appUrl}/account/billing/unfreeze`;
    expect(frozen!.text).toContain(`Pay $5.00 to unfreeze ${link}`);
    expect(frozen!.html).toContain(`href="${link}"`);
    expect(frozen!.html).toContain('data-tone="danger"');
  });
});

/** A confirmed billing contact, who gets every receipt (lib/billing-contacts/list-recipients.ts). */
async function addContact(user: TestUser): Promise<string> {
  const contact = `finance-${user.accountId}@example.test`;
  await getDb().execute(sql`insert into billing_contacts (account_id, email, confirmed_at) values (${user.accountId}, ${contact}, now())`);
  return contact;
}

/** A Checkout top-up paid and credited through the webhook; answers its session id. */
async function paidTopUp(user: TestUser, cents: number): Promise<string> {
  const sessionId = await startTopUp(user, cents);
  await payTopUp(harness, sessionId);
  await vi.waitFor(
    async () => expect((await transfersOf(user.accountId)).filter((transfer) => transfer.key === `checkout:${sessionId}`)).toHaveLength(1),
    EVENTUALLY,
  );
  return sessionId;
}

/** The Stripe invoice the site recorded for a Checkout top-up, as Stripe has it. */
async function invoiceOfSession(sessionId: string): Promise<Stripe.Invoice> {
  const rows = await getDb().execute<{ id: string }>(sql`select id from invoices where checkout_session_id = ${sessionId}`);
  expect(rows.rows, "the top-up's invoice row").toHaveLength(1);
  return harness.stripe.invoices.retrieve(rows.rows[0]!.id);
}

function recordTopUpInvoiceAgain(user: TestUser, invoice: Stripe.Invoice, sessionId: string) {
  return runTransaction(getDb(), (tx) => recordInvoice(tx, invoice, { source: "checkout", checkoutSessionId: sessionId, accountId: user.accountId }));
}

async function invoiceEmailsOwed(invoiceId: string): Promise<number> {
  const rows = await getDb().execute(sql`select 1 from email_outbox where idempotency_key like ${`invoice:${invoiceId}%`}`);
  return rows.rows.length;
}

describe("the invoice rides in the receipt", () => {
  it("a top-up with an invoice sends one email per recipient: the receipt, naming the invoice and linking it", async () => {
    const user = await createPayingUser();
    const contact = await addContact(user);
    const before = (await flush(user)).length;

    const sessionId = await paidTopUp(user, 2_500); // the webhook credits it, records its invoice and sends at once
    const invoice = await invoiceOfSession(sessionId);
    expect(invoice.number).toBeTruthy();
    await vi.waitFor(async () => expect((await mailTo(contact)).length).toBeGreaterThan(0), EVENTUALLY);
    const fresh = (await flush(user)).slice(before);
    const toContact = await mailTo(contact);
    for (const mails of [fresh, toContact]) {
      expect(mails.map((mail) => mail.subject)).toEqual(["Receipt: $25.00 added to your Tandem balance"]);
      const [receipt] = mails;
      expect(receipt!.text).toContain(`Invoice ${invoice.number}`);
      expect(receipt!.text).toContain("Total paid: $25.00");
      expect(receipt!.html).toContain(`href="${invoice.hosted_invoice_url!}"`);
      expect(receipt!.html).toContain(`href="${invoice.invoice_pdf!}"`);
      expect(receipt!.text).toContain("View invoice");
      expect(receipt!.text).toContain("Download PDF");
    }
    expect(await invoiceEmailsOwed(invoice.id)).toBe(0);

    // Replays (the success page's read, a redelivered invoice event) record nothing more.
    await fulfillCheckout(getDb(), sessionId);
    expect((await recordTopUpInvoiceAgain(user, invoice, sessionId)).emailIds).toEqual([]);
    expect((await flush(user)).slice(before)).toHaveLength(1);
    expect(await mailTo(contact)).toHaveLength(1);
    expect(await invoiceEmailsOwed(invoice.id)).toBe(0);
  });

  it("an invoice recorded after its receipt went out is sent on its own, once", async () => {
    const user = await createPayingUser();
    const contact = await addContact(user);
    const sessionId = await paidTopUp(user, 2_500);
    const invoice = await invoiceOfSession(sessionId);
    await vi.waitFor(async () => expect((await mailTo(contact)).length).toBeGreaterThan(0), EVENTUALLY);
    const before = (await flush(user)).length;
    // As when Stripe attaches the invoice only after the credit (fulfillCheckout then records none and a
    // later invoice event does): the receipt is already out, so there is nothing left to ride in.
    await getDb().execute(sql`delete from email_outbox where idempotency_key like ${`invoice:${invoice.id}%`}`);
    await getDb().execute(sql`delete from invoices where id = ${invoice.id}`);

    expect((await recordTopUpInvoiceAgain(user, invoice, sessionId)).emailIds).toHaveLength(2);
    expect((await recordTopUpInvoiceAgain(user, invoice, sessionId)).emailIds).toEqual([]); // a replay
    const fresh = (await flush(user)).slice(before);
    await vi.waitFor(async () => expect((await mailTo(contact)).length).toBe(2), EVENTUALLY);
    const toContact = (await mailTo(contact)).slice(1);
    for (const mails of [fresh, toContact]) {
      expect(mails.map((mail) => mail.subject)).toEqual([`Invoice ${invoice.number}`]);
      expect(mails[0]!.html).toContain(`href="${invoice.hosted_invoice_url!}"`);
    }
    expect(await invoiceEmailsOwed(invoice.id)).toBe(2);
  });
});
