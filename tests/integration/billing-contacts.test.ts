// Billing contacts (issue 19 part 5): the owner adds up to five addresses on the settings page; each
// gets a confirmation link first and nothing else until it is followed; once confirmed it gets the
// receipts (and, through listRecipients, the alerts); unsubscribing from an email's link alone, without
// cookies, stops everything. Real Postgres, the real Stripe webhook route against the emulator, the
// real mail catcher.
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { addBillingContact } from "@/lib/billing-contacts/add-billing-contact";
import { contactsPageCalls } from "@/lib/billing-contacts/contacts-page-calls";
import { listBillingContacts } from "@/lib/billing-contacts/list-billing-contacts";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import { removeBillingContact } from "@/lib/billing-contacts/remove-billing-contact";
import { getDb } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { uniqueEmail } from "../support/auth-harness";
import { confirmPost, emailsTo, linkIn, outboxTo, ownerSession, rawHeadersOf, unsubscribePost, waitForEmail } from "../support/billing-contacts";
import { EVENTUALLY } from "../support/eventually";
import { errorCodeOf } from "../support/signup-fixtures";
import { createPayingUser, payTopUp, startTopUp, type TestUser, runStripeHarnessInThisFile } from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

const receipt = "Receipt: $25.00";

/** A paid $25 top-up, fulfilled by the webhook; waits until its own receipt is recorded, and returns its transfer. */
async function payAndRecord(user: TestUser): Promise<bigint> {
  const notices = async () =>
    (await getDb().execute<{ id: string }>(sql`select transfer_id::text as id from payment_notices where account_id = ${user.accountId} order by id`)).rows;
  const before = (await notices()).length;
  await payTopUp(harness, await startTopUp(user, 2500));
  await vi.waitFor(async () => expect((await notices()).length).toBe(before + 1), EVENTUALLY);
  return BigInt((await notices()).at(-1)!.id);
}

/** An email owed to a contact (a refund notice keyed as every sender keys a contact's), not sent yet. */
async function oweEmail(user: TestUser, contact: string, contactId: string): Promise<void> {
  await enqueueEmail(getDb(), {
    key: `test-owed:${contactId}:contact:${contactId}`,
    accountId: user.accountId,
    to: contact,
    template: "payment-refund",
    data: { amountMicros: "1000000", balanceMicros: "1000000" },
  });
}

const owedTo = async (address: string) =>
  Number((await getDb().execute<{ n: string }>(sql`select count(*) as n from email_outbox where to_address = ${address} and sent_at is null`)).rows[0]!.n);

const recipientsOf = (accountId: string) => getDb().transaction((tx) => listRecipients(tx, accountId));

/** Adds a contact and confirms it through the link it was mailed, as its owner would. */
async function addAndConfirm(user: TestUser, contact: string): Promise<void> {
  await addBillingContact(getDb(), ownerSession(user), contact);
  const token = linkIn(await waitForEmail(contact, "Confirm this address"), "/contacts/confirm").searchParams.get("token")!;
  expect(await contactsPageCalls.confirmContact(confirmPost(token))).toEqual({ kind: "redirect", location: "/contacts/confirm?confirmed=1" });
}

describe("a billing contact before and after it confirms", () => {
  it("gets nothing before confirming, the receipt after; its link works once and shows whose account it joins", async () => {
    const user = await createPayingUser();
    const contact = uniqueEmail("finance");
    await addBillingContact(getDb(), ownerSession(user), contact);
    const confirmation = await waitForEmail(contact, "Confirm this address");

    // Not confirmed: a payment's receipt goes to the owner only, and an alert's recipients leave it out.
    const before = await payAndRecord(user);
    expect(await outboxTo(contact)).toEqual([{ key: expect.stringMatching(/^billing-contact-confirm:/) as string, template: "billing-contact-confirm" }]);
    expect((await outboxTo(user.email)).map((row) => row.key)).toContain(`payment-notice:${before}`);
    expect((await recipientsOf(user.accountId)).map((recipient) => recipient.address)).toEqual([user.email]);
    expect((await listBillingContacts(getDb(), ownerSession(user))).map((row) => row.status)).toEqual(["waiting"]);

    // Opening the link changes nothing (mail scanners open links); it names the account by its owner's masked address.
    const token = linkIn(confirmation, "/contacts/confirm").searchParams.get("token")!;
    const [local] = user.email.split("@");
    expect(await contactsPageCalls.viewConfirmLink(token)).toEqual({
      view: "confirm",
      status: 200,
      token,
      contactEmail: contact,
      accountLabel: expect.stringMatching(new RegExp(`^${local!.slice(0, 2)}•+@example\\.test$`)) as string,
    });
    expect(await recipientsOf(user.accountId)).toHaveLength(1);

    // The page's button confirms, once.
    expect(await contactsPageCalls.confirmContact(confirmPost(token))).toEqual({ kind: "redirect", location: "/contacts/confirm?confirmed=1" });
    expect(await contactsPageCalls.confirmContact(confirmPost(token))).toMatchObject({ kind: "error", status: 404, state: { code: "not_found" } });
    expect(await contactsPageCalls.viewConfirmLink(token)).toEqual({ view: "dead", status: 404 });
    expect((await listBillingContacts(getDb(), ownerSession(user))).map((row) => row.status)).toEqual(["confirmed"]);

    // Confirmed: the next receipt goes to both, the contact's under its own key with its unsubscribe link.
    const after = await payAndRecord(user);
    const contactId = (await listBillingContacts(getDb(), ownerSession(user)))[0]!.id;
    expect((await outboxTo(contact)).map((row) => row.key)).toContain(`payment-notice:${after}:contact:${contactId}`);
    expect((await outboxTo(user.email)).map((row) => row.key)).toContain(`payment-notice:${after}`);
    const mailed = await waitForEmail(contact, receipt);
    const unsubscribe = linkIn(mailed, "/contacts/unsubscribe");
    expect(unsubscribe.searchParams.get("contact")).toBe(contactId);
    const headers = await rawHeadersOf(mailed);
    expect(headers["list-unsubscribe"]).toBe(`<${unsubscribe.href}>`);
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // The owner's own receipt has neither the link nor the headers.
    const owners = (await emailsTo(user.email)).filter((email) => email.subject.startsWith(receipt));
    expect(owners.length).toBeGreaterThan(0);
    for (const email of owners) {
      expect(email.text).not.toContain("/contacts/unsubscribe");
      expect((await rawHeadersOf(email))["list-unsubscribe"]).toBeUndefined();
    }
  });

  it("expires: a link older than 7 days confirms nothing, and a newer link replaces an older one", async () => {
    const user = await createPayingUser();
    const contact = uniqueEmail("late");
    await addBillingContact(getDb(), ownerSession(user), contact);
    const token = linkIn(await waitForEmail(contact, "Confirm this address"), "/contacts/confirm").searchParams.get("token")!;
    await getDb().execute(sql`update billing_contacts set confirmation_sent_at = now() - interval '7 days 1 minute' where email = ${contact}`);
    expect(await contactsPageCalls.viewConfirmLink(token)).toEqual({ view: "dead", status: 404 });
    expect(await contactsPageCalls.confirmContact(confirmPost(token))).toMatchObject({ kind: "error", status: 404 });
    expect((await listBillingContacts(getDb(), ownerSession(user))).map((row) => row.status)).toEqual(["expired"]);
    expect(await recipientsOf(user.accountId)).toHaveLength(1);
  });
});

describe("the owner's list", () => {
  it("refuses the owner's own address, a duplicate and a sixth contact, with a clear message and nothing stored", async () => {
    const user = await createPayingUser();
    const session = ownerSession(user);
    expect(await errorCodeOf(() => addBillingContact(getDb(), session, user.email))).toBe("validation_failed");
    const first = uniqueEmail("one");
    await addBillingContact(getDb(), session, first);
    await expect(addBillingContact(getDb(), session, first)).rejects.toThrow(`${first} is already a billing contact`);
    for (let n = 2; n <= 5; n++) await addBillingContact(getDb(), session, uniqueEmail(`n${n}`));
    const sixth = uniqueEmail("six");
    await expect(addBillingContact(getDb(), session, sixth)).rejects.toThrow("An account can have 5 billing contacts");
    expect(await listBillingContacts(getDb(), session)).toHaveLength(5);
    expect(await outboxTo(sixth)).toEqual([]);
  });

  it("lets only the owner remove a contact (authorization in lib), and removing takes back what is owed to it", async () => {
    const owner = await createPayingUser();
    const stranger = await createPayingUser();
    const contact = uniqueEmail("kept");
    await addAndConfirm(owner, contact);
    const [row] = await listBillingContacts(getDb(), ownerSession(owner));
    expect(await errorCodeOf(() => removeBillingContact(getDb(), ownerSession(stranger), BigInt(row!.id)))).toBe("not_found");
    expect(await listBillingContacts(getDb(), ownerSession(owner))).toHaveLength(1);
    const recipients = await recipientsOf(owner.accountId);
    expect(recipients).toHaveLength(2);
    await oweEmail(owner, contact, row!.id);
    expect(await owedTo(contact)).toBe(1);

    await removeBillingContact(getDb(), ownerSession(owner), BigInt(row!.id));
    expect(await listBillingContacts(getDb(), ownerSession(owner))).toEqual([]);
    expect(await recipientsOf(owner.accountId)).toEqual([{ address: owner.email, key: "owner" }]);
    expect(await owedTo(contact)).toBe(0);
    // Its old unsubscribe link still answers calmly: nothing is sent to it any more.
    const link = new URL(recipients.find((recipient) => recipient.address === contact)!.unsubscribeUrl!);
    expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(link))).toEqual({ view: "unsubscribed", status: 200 });
  });
});

describe("unsubscribing from the email's link alone", () => {
  it("works as RFC 8058 one-click (no cookie, no Origin) and from the page's button; nothing more is enqueued", async () => {
    const user = await createPayingUser();
    const [oneClick, button] = [uniqueEmail("one-click"), uniqueEmail("button")];
    await addAndConfirm(user, oneClick);
    await addAndConfirm(user, button);
    await payAndRecord(user);
    const oneClickLink = linkIn(await waitForEmail(oneClick, receipt), "/contacts/unsubscribe");
    const buttonLink = linkIn(await waitForEmail(button, receipt), "/contacts/unsubscribe");

    await oweEmail(user, oneClick, oneClickLink.searchParams.get("contact")!);
    expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(oneClickLink))).toEqual({ view: "unsubscribed", status: 200 });
    expect(await owedTo(oneClick)).toBe(0);
    const query = { contact: buttonLink.searchParams.get("contact")!, token: buttonLink.searchParams.get("token")! };
    expect(await contactsPageCalls.viewUnsubscribeLink(query)).toMatchObject({ view: "unsubscribe", status: 200, contactEmail: button });
    expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(buttonLink, { origin: "http://tandem.test" }))).toEqual({ view: "unsubscribed", status: 200 });
    // Again, and the GET after: the same calm answer.
    expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(oneClickLink))).toEqual({ view: "unsubscribed", status: 200 });
    expect(await contactsPageCalls.viewUnsubscribeLink(query)).toEqual({ view: "unsubscribed", status: 200 });

    expect((await listBillingContacts(getDb(), ownerSession(user))).map((row) => row.status)).toEqual(["unsubscribed", "unsubscribed"]);
    expect(await recipientsOf(user.accountId)).toEqual([{ address: user.email, key: "owner" }]);
    const before = [(await outboxTo(oneClick)).length, (await outboxTo(button)).length];
    const next = await payAndRecord(user);
    expect((await outboxTo(user.email)).map((row) => row.key)).toContain(`payment-notice:${next}`);
    expect([(await outboxTo(oneClick)).length, (await outboxTo(button)).length]).toEqual(before);
  });
});
