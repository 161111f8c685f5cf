import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { sendPaymentNotices } from "@/lib/payments/payment-notices";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  mailSubjectsTo,
  payTopUp,
  startTopUp,
  type TestUser,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";
import { endSmtpOutage, startSmtpOutage } from "../support/smtp-outage";
import { EVENTUALLY } from "../support/eventually";

const harness = runStripeHarnessInThisFile();
afterEach(endSmtpOutage);

type NoticeRow = { kind: string; attempts: number; sent: boolean; amount: string; balance: string };
async function noticesOf(accountId: string): Promise<NoticeRow[]> {
  const rows = await getDb().execute<NoticeRow>(sql`
    select n.kind, e.attempts, e.sent_at is not null as sent, n.amount_micros::text as amount, n.balance_micros::text as balance
    from payment_notices n join email_outbox e on e.idempotency_key = 'payment-notice:' || n.transfer_id
    where n.account_id = ${accountId} order by n.id`);
  return rows.rows;
}

/** A paid $25 top-up whose receipt could not be mailed: SMTP refused while the webhook fulfilled it. */
async function topUpDuringSmtpOutage(): Promise<TestUser> {
  await startSmtpOutage();
  const user = await createPayingUser();
  await payTopUp(harness, await startTopUp(user, 2500));
  await vi.waitFor(async () => expect((await noticesOf(user.accountId))[0]?.attempts).toBe(1), EVENTUALLY);
  endSmtpOutage();
  return user;
}

const receiptSubject = "Receipt: $25.00 added to your Tandem balance";
// Standing emails (the top-up made the account active again) have their own outbox; only receipts count here.
const receiptsTo = async (email: string) => (await mailSubjectsTo(email)).filter((subject) => subject.startsWith("Receipt"));
const makeDue = (accountId: string) =>
  getDb().execute(sql`update email_outbox set last_attempt_at = now() - interval '2 minutes' where account_id = ${accountId} and template like 'payment-%'`);

describe("payment notices", () => {
  it("keep a receipt through an SMTP outage and send it once SMTP is back, once", async () => {
    const user = await topUpDuringSmtpOutage();
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    expect(await noticesOf(user.accountId)).toEqual([
      { kind: "receipt", attempts: 1, sent: false, amount: "25000000", balance: String(WELCOME_MICROS + 25_000_000n) },
    ]);
    expect(await receiptsTo(user.email)).toEqual([]);

    // Within the backoff (a minute after the first failure) the sweep leaves it alone.
    expect(await sendPaymentNotices(getDb(), { accountIds: [user.accountId] })).toBe(0);
    await makeDue(user.accountId);
    expect(await sendPaymentNotices(getDb(), { accountIds: [user.accountId] })).toBe(1);
    expect(await sendPaymentNotices(getDb(), { accountIds: [user.accountId] })).toBe(0);
    await vi.waitFor(async () => expect(await receiptsTo(user.email)).toEqual([receiptSubject]), EVENTUALLY);
    expect((await noticesOf(user.accountId))[0]).toMatchObject({ attempts: 2, sent: true });
  });

  it("are sent once however many sweeps run at the same moment", async () => {
    const user = await topUpDuringSmtpOutage();
    await makeDue(user.accountId);
    const sent = await Promise.all(Array.from({ length: 6 }, () => sendPaymentNotices(getDb(), { accountIds: [user.accountId] })));
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(1);
    await vi.waitFor(async () => expect(await receiptsTo(user.email)).toContain(receiptSubject), EVENTUALLY);
    expect(await receiptsTo(user.email)).toEqual([receiptSubject]);
  });

  it("are settled unsent for a closed account, which has no email left", async () => {
    const user = await topUpDuringSmtpOutage();
    await getDb().execute(sql`update "user" set email = null where id = ${user.userId}`);
    await makeDue(user.accountId);
    expect(await sendPaymentNotices(getDb(), { accountIds: [user.accountId] })).toBe(0);
    expect((await noticesOf(user.accountId))[0]).toMatchObject({ sent: true });
    expect(await receiptsTo(user.email)).toEqual([]);
  });
});
