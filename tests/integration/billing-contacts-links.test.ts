// The billing contacts' links against strangers: a tampered, foreign or malformed token is a calm 404
// (never a 500) that changes nothing, the links' unauthenticated POSTs are limited per client address,
// another site cannot post the confirm button, and "send the link again" replaces the old link, only for
// the owner's own waiting contacts, within its limits.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { addBillingContact } from "@/lib/billing-contacts/add-billing-contact";
import { BILLING_CONTACT_LIMITS } from "@/lib/billing-contacts/contact-rules";
import { contactsPageCalls } from "@/lib/billing-contacts/contacts-page-calls";
import { listBillingContacts } from "@/lib/billing-contacts/list-billing-contacts";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import { resendConfirmationLink } from "@/lib/billing-contacts/resend-confirmation-link";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestAccount, type TestAccount } from "../support/billing-api";
import { randomIp, uniqueEmail } from "../support/auth-harness";
import { confirmPost, emailsTo, linkIn, ownerSession, unsubscribePost, waitForEmail } from "../support/billing-contacts";
import { errorCodeOf } from "../support/signup-fixtures";

afterAll(closeDb);

const session = (account: TestAccount) => ownerSession(account);

async function confirmedContact(account: TestAccount): Promise<{ email: string; link: URL }> {
  const email = uniqueEmail("contact");
  await addBillingContact(getDb(), session(account), email);
  const token = linkIn(await waitForEmail(email, "Confirm this address"), "/contacts/confirm").searchParams.get("token")!;
  await contactsPageCalls.confirmContact(confirmPost(token));
  const recipients = await getDb().transaction((tx) => listRecipients(tx, account.accountId));
  return { email, link: new URL(recipients.find((recipient) => recipient.address === email)!.unsubscribeUrl!) };
}

function flip(token: string): string {
  return `${token[0] === "A" ? "B" : "A"}${token.slice(1)}`;
}

describe("tampered links", () => {
  it("answer 404 pages, never a 500, and change nothing", async () => {
    const account = await createTestAccount();
    const { link } = await confirmedContact(account);
    const contact = link.searchParams.get("contact")!;
    const token = link.searchParams.get("token")!;
    const otherAccount = await createTestAccount();
    const other = (await confirmedContact(otherAccount)).link;
    const queries: Array<{ contact?: unknown; token?: unknown }> = [
      { contact, token: flip(token) },
      { contact: other.searchParams.get("contact"), token },
      { contact, token: token.slice(1) },
      { contact: "99999999999999999999", token },
      { contact: "-1", token },
      { contact: `${contact}\u0000`, token },
      { contact: [contact, contact], token },
      { contact },
      {},
    ];
    for (const query of queries) {
      expect(await contactsPageCalls.viewUnsubscribeLink(query), JSON.stringify(query)).toEqual({ view: "dead", status: 404 });
      const url = new URL(`http://tandem.test/contacts/unsubscribe?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`);
      expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(url)), JSON.stringify(query)).toEqual({ view: "dead", status: 404 });
    }
    for (const bad of [flip("x".repeat(43)), "short", "%00".repeat(15), undefined, ["a", "b"], "é".repeat(43)]) {
      expect(await contactsPageCalls.viewConfirmLink(bad), String(bad)).toEqual({ view: "dead", status: 404 });
    }
    expect(await contactsPageCalls.confirmContact(confirmPost("A".repeat(43)))).toMatchObject({ kind: "error", status: 404 });
    expect(await contactsPageCalls.confirmContact(confirmPost("bad\u0000token"))).toMatchObject({ kind: "error", status: 400 });
    expect((await listBillingContacts(getDb(), session(account))).map((row) => row.status)).toEqual(["confirmed"]);
    expect((await listBillingContacts(getDb(), session(otherAccount))).map((row) => row.status)).toEqual(["confirmed"]);
  });
});

describe("the links' unauthenticated POSTs", () => {
  it("are limited per client address (429 with Retry-After seconds), other addresses unaffected", async () => {
    const account = await createTestAccount();
    const { link } = await confirmedContact(account);
    const ip = randomIp();
    const { limit } = BILLING_CONTACT_LIMITS.linkPostsPerIp;
    for (let n = 0; n < limit; n++) expect((await contactsPageCalls.unsubscribeContact(unsubscribePost(link, { ip }))).status).toBe(200);
    expect(await contactsPageCalls.unsubscribeContact(unsubscribePost(link, { ip }))).toMatchObject({
      view: "refused",
      status: 429,
      retryAfterSeconds: expect.any(Number) as number,
    });
    expect((await contactsPageCalls.unsubscribeContact(unsubscribePost(link))).status).toBe(200);
  });

  it("refuse a confirm button posted from another site (403), confirming nothing", async () => {
    const account = await createTestAccount();
    const email = uniqueEmail("csrf");
    await addBillingContact(getDb(), session(account), email);
    const token = linkIn(await waitForEmail(email, "Confirm this address"), "/contacts/confirm").searchParams.get("token")!;
    expect(await contactsPageCalls.confirmContact(confirmPost(token, { origin: "https://attacker.example" }))).toMatchObject({ kind: "error", status: 403 });
    expect((await listBillingContacts(getDb(), session(account))).map((row) => row.status)).toEqual(["waiting"]);
  });
});

describe("send the link again", () => {
  it("mails a new link that replaces the old one, for the owner's own waiting contacts only, within its limit", async () => {
    const account = await createTestAccount();
    const email = uniqueEmail("again");
    await addBillingContact(getDb(), session(account), email);
    const first = linkIn(await waitForEmail(email, "Confirm this address"), "/contacts/confirm").searchParams.get("token")!;
    const [row] = await listBillingContacts(getDb(), session(account));
    const id = BigInt(row!.id);

    const stranger = await createTestAccount();
    expect(await errorCodeOf(() => resendConfirmationLink(getDb(), session(stranger), id))).toBe("not_found");

    await resendConfirmationLink(getDb(), session(account), id);
    await expect.poll(async () => (await emailsTo(email)).length, { timeout: 10_000 }).toBe(2);
    const second = linkIn((await emailsTo(email)).at(-1)!, "/contacts/confirm").searchParams.get("token")!;
    expect(second).not.toBe(first);
    expect(await contactsPageCalls.viewConfirmLink(first)).toEqual({ view: "dead", status: 404 });
    expect(await contactsPageCalls.viewConfirmLink(second)).toMatchObject({ view: "confirm", contactEmail: email });

    const { limit } = BILLING_CONTACT_LIMITS.resendsPerContact;
    for (let n = 1; n < limit; n++) await resendConfirmationLink(getDb(), session(account), id);
    expect(await errorCodeOf(() => resendConfirmationLink(getDb(), session(account), id))).toBe("rate_limited");

    await getDb().execute(sql`update billing_contacts set confirmed_at = now() where id = ${id}`);
    expect(await errorCodeOf(() => resendConfirmationLink(getDb(), session(account), id))).toBe("conflict");
  });
});
