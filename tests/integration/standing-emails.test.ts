import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { endSmtpOutage, startSmtpOutage } from "../support/smtp-outage";
import { mailApiUrl } from "../support/test-env";

type CaughtEmail = { subject: string; to: Array<{ address: string }> };

afterAll(closeDb);

afterEach(endSmtpOutage);

/** An account whose usage just took it from the $5 grant to grace: one standing change (active → grace) owed by email. */
async function accountIntoGrace(): Promise<{ account: string; email: string }> {
  const db = getDb();
  const userId = randomUUID();
  const email = `standing-${userId}@example.com`;
  await db.execute(sql`insert into "user" (id, email) values (${userId}, ${email})`);
  const account = await runTransaction(db, (tx) => createBillingAccount(tx, { userId }));
  // $6 of third-party calls: $0.20 per 1,000, so 30,000 calls take the $5 grant to -$1 (grace).
  const usage = { ...emptyUsage(), third_party_calls: 30_000n };
  const result = await ingestUsage(db, [{ id: `standing:${userId}`, account, space: "app", hour: new Date("2026-11-01T10:00:00Z"), usage }]);
  expect(result.standingChanges.map((change) => change.to)).toEqual(["grace"]);
  return { account, email };
}

async function mailFor(address: string): Promise<string[]> {
  const emails = (await (await fetch(`${mailApiUrl()}/api/email`)).json()) as CaughtEmail[];
  return emails.filter((email) => email.to.some((to) => to.address === address)).map((email) => email.subject);
}

describe("standing emails", () => {
  it("emails each standing change once, worded by direction", async () => {
    const db = getDb();
    const { account, email } = await accountIntoGrace();

    // The welcome credit owes no email (issue 17): only the change the usage made.
    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(1);
    expect(await mailFor(email)).toEqual(["Your Tandem balance has run out"]);

    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(0);
    expect(await mailFor(email)).toHaveLength(1);
    const pending = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from email_outbox where account_id = ${account} and template like 'standing-%' and sent_at is null`);
    expect(pending.rows[0]?.n).toBe(0);
  });

  it("keeps a change's email through an SMTP outage and sends it after the backoff, once", async () => {
    const db = getDb();
    const { account, email } = await accountIntoGrace();
    await startSmtpOutage();
    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(0);
    endSmtpOutage();
    const attempts = async () =>
      (await db.execute<{ attempts: number; sent: boolean }>(sql`
        select attempts, sent_at is not null as sent from email_outbox where account_id = ${account} and template like 'standing-%' order by id`)).rows;
    expect(await attempts()).toEqual([{ attempts: 1, sent: false }]);

    // Within the backoff (a minute after the failure) nothing is tried; after it, each is sent once.
    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(0);
    await db.execute(sql`update email_outbox set last_attempt_at = now() - interval '2 minutes' where account_id = ${account}`);
    // Only this account's: other test files' accounts share the database.
    const sweeps = await Promise.all([1, 2, 3].map(() => notifyStandingChanges(db, { accountIds: [account] })));
    expect(sweeps.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await attempts()).toEqual([{ attempts: 2, sent: true }]);
    expect(await mailFor(email)).toEqual(["Your Tandem balance has run out"]);
  });
});
