// Session 13, H2 point 4: /admin/emails lists a given-up email with the address it was sent to. A
// billing contact's copy of an account's email went to the contact, and the list said the owner's.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAccount } from "@/lib/account/close-account";
import { listUndeliveredEmails } from "@/lib/admin/list-undelivered-emails";
import { closeDb, getDb } from "@/lib/db/client";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/email-retry";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { emailSamples } from "@/lib/email/templates/samples";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

const operator: AppSession = {
  user: { id: "hardening-operator", email: "operator@example.test", name: null, role: "admin" },
  expires: new Date(Date.now() + 86_400_000).toISOString(),
};

function ownerSession(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: operator.expires };
}

/** A budget alert about `account`, addressed to `to`, given up on after every allowed try. */
async function givenUpAlert(account: TestAccount, to: string, key: string): Promise<bigint> {
  const id = await enqueueEmail(getDb(), {
    key: `hardening-undelivered:${account.accountId}:${key}`,
    accountId: account.accountId,
    to,
    template: "budget-alert",
    data: emailSamples()["budget-alert"],
  });
  await getDb().execute(
    sql`update email_outbox set attempts = ${MAX_EMAIL_ATTEMPTS}, last_attempt_at = now() where id = ${id}`,
  );
  return id;
}

const listed = async (id: bigint) =>
  (await listUndeliveredEmails(getDb(), operator, 10_000)).givenUp.find((email) => email.id === id);

describe("the undelivered emails list", () => {
  it("shows a contact's copy with the contact's address, and the owner's with the owner's", async () => {
    const account = await createTestAccount();
    const contact = `contact-${account.accountId.slice(-8)}@example.test`;
    const toContact = await givenUpAlert(account, contact, "contact");
    const toOwner = await givenUpAlert(account, account.email, "owner");
    expect(await listed(toContact)).toMatchObject({ accountId: account.accountId, email: contact });
    expect(await listed(toOwner)).toMatchObject({ accountId: account.accountId, email: account.email });
  });

  it("shows no address once the account is closed (its emails are not sent any more)", async () => {
    const account = await createTestAccount();
    const contact = `contact-${account.accountId.slice(-8)}@example.test`;
    const id = await givenUpAlert(account, contact, "closed");
    // The closing drops unsent emails; one re-added afterwards stands for any left behind.
    await closeAccount(getDb(), ownerSession(account));
    const again = await givenUpAlert(account, contact, "after-closing");
    expect(await listed(id)).toBeUndefined();
    expect(await listed(again)).toMatchObject({ accountId: account.accountId, email: null });
  });
});
