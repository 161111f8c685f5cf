// The job on the 1st (issue 20): one email per recipient who asked for the statement (the owner unless
// switched off, each confirmed contact that opted in), none to the others, with the PDF drawn when it
// is sent and attached; exactly once however often the job runs, two racing runs included.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { sendMonthlyStatements } from "@/lib/monthly-statements/send-monthly-statements";
import { registerStatementAttachments } from "@/lib/monthly-statements/statement-attachment";
import { setContactStatementChoice, setStatementChoice } from "@/lib/monthly-statements/statement-choices";
import { monthLabel, monthPeriod, previousMonth } from "@/lib/monthly-statements/statement-month";
import { createTestAccount, type TestAccount } from "../support/billing-api";
import { emailsTo, ownerSession, rawHeadersOf } from "../support/billing-contacts";
import { everyStatementLine, pageMonth, pdfAmount, pdfAttachmentOf, pdfText } from "../support/monthly-statements";
import { postUsage } from "../support/statement-fixtures";

afterAll(closeDb);

const month = previousMonth(new Date());
const subject = `Your statement for ${monthLabel(month)}`;
const inMonth = (hours: number) => new Date(monthPeriod(month).from.getTime() + hours * 3_600_000);

let account: TestAccount;
let quiet: TestAccount;
const contacts: Record<
  "optedIn" | "notOptedIn" | "unsubscribed" | "unconfirmed" | "quietOptedIn",
  { id: bigint; email: string }
> = {} as never;

async function addContact(
  accountId: string,
  options: { isConfirmed: boolean; isUnsubscribed?: boolean; wantsStatement: boolean },
) {
  const email = `contact-${randomUUID()}@example.test`;
  const rows = await getDb().execute<{ id: string }>(sql`
    insert into billing_contacts (account_id, email, confirmation_sent_at, confirmed_at, unsubscribed_at)
    values (${accountId}, ${email}, now(), ${options.isConfirmed ? sql`now()` : null}, ${options.isUnsubscribed ? sql`now()` : null})
    returning id::text`);
  const id = BigInt(rows.rows[0]!.id);
  return { id, email, wantsStatement: options.wantsStatement };
}

async function statementEmailsTo(address: string) {
  return (await emailsTo(address)).filter((email) => email.subject === subject);
}

beforeAll(async () => {
  [account, quiet] = await Promise.all([createTestAccount(), createTestAccount()]);
  await postUsage(account.accountId, "alpha", inMonth(30), 4n);
  await postUsage(account.accountId, "beta", inMonth(200), 9n);
  // Opened this month, with usage of last month reported late: it is owed that statement too.
  await postUsage(quiet.accountId, "gamma", inMonth(100), 1n);
  const made = {
    optedIn: await addContact(account.accountId, { isConfirmed: true, wantsStatement: true }),
    notOptedIn: await addContact(account.accountId, { isConfirmed: true, wantsStatement: false }),
    unsubscribed: await addContact(account.accountId, {
      isConfirmed: true,
      isUnsubscribed: true,
      wantsStatement: true,
    }),
    unconfirmed: await addContact(account.accountId, { isConfirmed: false, wantsStatement: true }),
    quietOptedIn: await addContact(quiet.accountId, { isConfirmed: true, wantsStatement: true }),
  };
  // The opt-ins as the settings page sets them: the owner's switch, each contact's.
  for (const [name, contact] of Object.entries(made)) {
    const owner = name === "quietOptedIn" ? quiet : account;
    await setContactStatementChoice(getDb(), ownerSession(owner), {
      contactId: contact.id,
      monthlyStatement: contact.wantsStatement,
    });
    contacts[name as keyof typeof contacts] = contact;
  }
  await setStatementChoice(getDb(), ownerSession(quiet), false);
});

describe("the monthly statements job", () => {
  it("leaves statement emails to a process that can draw their PDF", async () => {
    const key = `statement-test:${randomUUID()}`;
    const id = await enqueueEmail(getDb(), {
      to: `nobody-${randomUUID()}@example.test`,
      template: "monthly-statement",
      key,
      data: { accountId: quiet.accountId, month, monthLabel: monthLabel(month) },
    });
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(0);
    registerStatementAttachments();
    expect(await sendOutboxEmails(getDb(), { ids: [id] })).toBe(1);
  });

  it("sends once to each recipient who asked, however often and however raced it runs", async () => {
    const only = { month, accountIds: [account.accountId, quiet.accountId] };
    const [first, second] = await Promise.all([
      sendMonthlyStatements(getDb(), only),
      sendMonthlyStatements(getDb(), only),
    ]);
    const third = await sendMonthlyStatements(getDb(), only);
    expect(first.accounts).toBe(2);
    // Owner and one contact of the first account, the one contact of the second: three rows, each sent once.
    expect(new Set([...first.emailIds, ...second.emailIds, ...third.emailIds].map(String)).size).toBe(3);
    expect(first.sent + second.sent + third.sent).toBe(3);
    await expect.poll(async () => (await statementEmailsTo(account.email)).length, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await statementEmailsTo(contacts.optedIn.email)).length, { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(async () => (await statementEmailsTo(contacts.quietOptedIn.email)).length, { timeout: 10_000 })
      .toBe(1);
    for (const address of [
      contacts.notOptedIn.email,
      contacts.unsubscribed.email,
      contacts.unconfirmed.email,
      quiet.email,
    ]) {
      expect(await statementEmailsTo(address), address).toHaveLength(0);
    }
    const keys = await getDb().execute<{ idempotency_key: string }>(sql`
      select idempotency_key from email_outbox where template = 'monthly-statement' and account_id = ${account.accountId} order by 1`);
    expect(keys.rows.map((row) => row.idempotency_key)).toEqual([
      `statement:${account.accountId}:${month}`,
      `statement:${account.accountId}:${month}:contact:${contacts.optedIn.id}`,
    ]);
  });

  it("attaches the month's PDF with the statement page's figures, and gives contacts their unsubscribe link", async () => {
    const [email] = await statementEmailsTo(account.email);
    const attachment = await pdfAttachmentOf(email!.id);
    expect(attachment?.filename).toBe(`tandem-statement-${month}.pdf`);
    const { text } = await pdfText(attachment!.bytes);
    const page = pageMonth(await everyStatementLine(ownerSession(account)), month);
    expect(pdfAmount(text, "Closing balance")).toBe(page.closing);
    expect(pdfAmount(text, "Usage")).toBe(page.usage);
    const [toContact] = await statementEmailsTo(contacts.optedIn.email);
    expect((await rawHeadersOf(toContact!))["list-unsubscribe"]).toMatch(/contacts\/unsubscribe/);
    expect(await pdfAttachmentOf(toContact!.id)).not.toBeNull();
  });

  it("lets only the account's owner switch a contact's statement", async () => {
    const error = await setContactStatementChoice(getDb(), ownerSession(quiet), {
      contactId: contacts.optedIn.id,
      monthlyStatement: false,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
    const row = await getDb().execute<{ monthly_statement: boolean }>(
      sql`select monthly_statement from billing_contacts where id = ${contacts.optedIn.id}`,
    );
    expect(row.rows[0]!.monthly_statement).toBe(true);
  });
});
