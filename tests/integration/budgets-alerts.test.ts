// Issue 19, part 4's budget alerts: at 50, 80 and 100% of a budget, once each per budget and month,
// also under 20 racing batches (group commit writes several in one transaction); every alert is a
// spend_alerts notice and an email to the owner and each confirmed billing contact; the owner can
// switch the alert emails off, but never the email that says a space was paused.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { listSpendAlerts } from "@/lib/account/list-spend-alerts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setBudget } from "@/lib/budgets/set-budget";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { createTestAccount, createTestToken } from "@/tests/support/billing-api";
import { EVENTUALLY } from "@/tests/support/eventually";
import { cpuUnitsCosting, platformEventsOf, postSpaceUsage, spaceIdOf } from "@/tests/support/budgets";
import { receivePlatformWebhooksInThisFile } from "../support/platform-webhook-receiver";

receivePlatformWebhooksInThisFile();
afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

const DOLLAR = 1_000_000n;

async function budgetEmails(account: string) {
  const rows = await getDb().execute<{
    key: string;
    to: string;
    data: { percent: number; isPaused: boolean; unsubscribeUrl?: string };
  }>(sql`
    select idempotency_key as key, to_address as "to", data from email_outbox
    where account_id = ${account} and template = 'budget-alert' order by id`);
  return rows.rows;
}

async function spendAlerts(account: string) {
  const rows = await getDb().execute<{ key: string; kind: string; data: { percent: number; space: string } }>(sql`
    select key, kind, data from spend_alerts where account_id = ${account} order by id`);
  return rows.rows;
}

async function addContact(account: string, isConfirmed: boolean): Promise<string> {
  const email = `finance-${randomUUID()}@example.test`;
  await getDb().execute(sql`
    insert into billing_contacts (account_id, email, confirmed_at) values (${account}, ${email}, ${isConfirmed ? sql`now()` : null})`);
  return email;
}

/** An account with a space `chat` (a cent of usage) and a budget on it. */
async function budgetedAccount(action: "alert" | "pause") {
  const { accountId: account, email } = await createTestAccount();
  expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting(10_000n))).status).toBe(200);
  const { budgetId } = await setBudget(getDb(), {
    accountId: account,
    spaceId: await spaceIdOf(account, "chat"),
    amountMicros: DOLLAR,
    action,
  });
  return { account, email, budgetId };
}

describe("budget alerts", () => {
  it("20 racing batches fire each of 50, 80 and 100% exactly once, to the owner and each confirmed contact", async () => {
    const { account, email, budgetId } = await budgetedAccount("pause");
    const contact = await addContact(account, true);
    await addContact(account, false);
    const tenth = await cpuUnitsCosting(DOLLAR / 10n);
    const results = await Promise.all(Array.from({ length: 20 }, () => postSpaceUsage(token, account, "chat", tenth)));
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));

    const month = new Date().toISOString().slice(0, 7);
    const keys = [50, 80, 100].map((percent) => `budget:${budgetId}:${month}:${percent}`);
    const alerts = await spendAlerts(account);
    expect(alerts.map((alert) => [alert.kind, alert.key])).toEqual(keys.map((key) => ["budget", key]));
    expect(alerts.map((alert) => alert.data.space)).toEqual(["chat", "chat", "chat"]);
    const marks = await getDb().execute<{ percent: string }>(
      sql`select a.percent::text from budget_alerts a where a.budget_id = ${budgetId} order by a.percent`,
    );
    expect(marks.rows.map((row) => Number(row.percent))).toEqual([50, 80, 100]);

    // Three emails each for the owner and the confirmed contact; none for the unconfirmed one.
    const emails = await budgetEmails(account);
    expect(emails.filter((sent) => sent.to === email).map((sent) => sent.key)).toEqual(keys);
    const contactEmails = emails.filter((sent) => sent.to === contact);
    expect(contactEmails.map((sent) => sent.key.replace(/:contact:\d+$/, ""))).toEqual(keys);
    expect(contactEmails.every((sent) => sent.data.unsubscribeUrl !== undefined)).toBe(true);
    expect(emails).toHaveLength(6);
    // The 100% email is the one that says the space paused; the pause is one platform event.
    expect(emails.filter((sent) => sent.data.isPaused).map((sent) => sent.data.percent)).toEqual([100, 100]);
    const events = await platformEventsOf(account);
    expect(events.map((event) => [event.data.space, event.data.state])).toEqual([["chat", "paused"]]);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("with budget alerts switched off, records the notices and sends only the pause email", async () => {
    const { account } = await budgetedAccount("pause");
    await getDb().execute(sql`insert into alert_preferences (account_id, budget_alerts) values (${account}, false)`);
    const sixty = await cpuUnitsCosting((DOLLAR * 6n) / 10n);
    expect((await postSpaceUsage(token, account, "chat", sixty)).status).toBe(200);
    expect((await postSpaceUsage(token, account, "chat", sixty)).status).toBe(200);
    expect((await spendAlerts(account)).map((alert) => alert.data.percent)).toEqual([50, 80, 100]);
    const emails = await budgetEmails(account);
    expect(emails.map((sent) => [sent.data.percent, sent.data.isPaused])).toEqual([[100, true]]);
    // Sent right after the request's answer (not left for the sweep): the mail catcher has it.
    await vi.waitFor(async () => {
      const sent = await getDb().execute(sql`
        select 1 from email_outbox where account_id = ${account} and template = 'budget-alert' and sent_at is not null`);
      expect(sent.rows).toHaveLength(1);
    }, EVENTUALLY);
  });

  it("an alert-only budget's 100% email says nothing stops, and a later pause has its own email", async () => {
    const { account, budgetId } = await budgetedAccount("alert");
    expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting((DOLLAR * 11n) / 10n))).status).toBe(
      200,
    );
    expect((await budgetEmails(account)).map((sent) => [sent.data.percent, sent.data.isPaused])).toEqual([
      [50, false],
      [80, false],
      [100, false],
    ]);
    // The dashboard's notices read the figures lib/budgets wrote (lib/account/list-spend-alerts.ts), and
    // show a budget's highest percent only.
    const notices = async () =>
      (await listSpendAlerts(getDb(), account)).map((notice) =>
        notice.kind === "budget" ? [notice.percent, notice.space, notice.amountMicros, notice.action] : notice.kind,
      );
    expect(await notices()).toEqual([[100, "chat", DOLLAR, "alert"]]);
    // Switched to pausing after its 100% alert: the pause still gets its email (keyed by the pause).
    const changed = await setBudget(getDb(), {
      accountId: account,
      spaceId: await spaceIdOf(account, "chat"),
      amountMicros: DOLLAR,
      action: "pause",
    });
    expect(changed.paused).toHaveLength(1);
    // While the pause is in force the paused-spaces notice says it; the alert notices step aside.
    expect(await notices()).toEqual([]);
    expect(changed.budgetId).toBe(budgetId);
    const emails = await budgetEmails(account);
    expect(emails).toHaveLength(4);
    expect(emails.at(-1)).toMatchObject({
      key: expect.stringMatching(new RegExp(`^budget-pause:${changed.paused[0]!.spaceId}:\\d+$`)) as unknown,
      data: { isPaused: true },
    });
  });
});
