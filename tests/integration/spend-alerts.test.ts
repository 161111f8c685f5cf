// Issue 19: the anomaly alert. A UTC day costing at least 5× the median of the 7 days before it fires
// once, with 7 days of history (6 are not enough), the day it happens; one email per recipient (the
// owner and each confirmed billing contact, never an unconfirmed one), and a rerun records nothing more.
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { evaluateSpendAlerts } from "@/lib/spend-alerts/evaluate-spend-alerts";
import { createTestAccount } from "../support/billing-api";
import { alertEmailsOf, alertsOf, createAccountWithContacts, DAY_MS, dailyHistory, postCosts } from "../support/spend-alerts";

afterAll(closeDb);

const HOUR_MS = 3_600_000;
const now = new Date();
const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
const yesterday = today - DAY_MS;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("the anomaly alert", () => {
  it("needs 7 days of history, fires once for the spike, and once per recipient", async () => {
    // $0.30 a day, then $1.60 yesterday: 5.3× the median. Six days of history for one account, seven for the other.
    const short = await createTestAccount();
    const full = await createAccountWithContacts();
    const spike = { hour: new Date(yesterday + HOUR_MS), cents: 160 };
    await postCosts(short.accountId, [...dailyHistory(yesterday, 6, 30), spike]);
    await postCosts(full.accountId, [...dailyHistory(yesterday, 7, 30), spike]);

    // A batch of one account at a time: both are read, page by page.
    const run = await evaluateSpendAlerts(getDb(), { now, batchSize: 1, accountIds: [short.accountId, full.accountId] });
    expect(run.accounts).toBe(2);
    expect(await alertsOf(short.accountId, "anomaly")).toEqual([]);
    const [alert, ...more] = await alertsOf(full.accountId, "anomaly");
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      key: `anomaly:${dayOf(yesterday)}`,
      data: { day: dayOf(yesterday), costMicros: "1600000", medianMicros: "300000", isToday: false },
      dismissed_at: null,
    });

    const emails = await alertEmailsOf(full.accountId, "spend-anomaly");
    expect(emails.map((email) => [email.idempotency_key, email.to_address])).toEqual([
      [`spend-alert:${alert!.id}`, full.email],
      [`spend-alert:${alert!.id}:contact:${full.contactId}`, full.contact],
    ]);
    // The contact's email carries its one-click unsubscribe; the owner's does not.
    expect(emails[1]!.data.unsubscribeUrl).toContain(`contact=${full.contactId}`);
    expect(emails[0]!.data.unsubscribeUrl).toBeUndefined();
    expect(run.emailIds.length).toBeGreaterThanOrEqual(2);

    // The job again, now and an hour later: the day's alert is recorded, nothing more is.
    await evaluateSpendAlerts(getDb(), { now, accountIds: [full.accountId] });
    await evaluateSpendAlerts(getDb(), { now: new Date(now.getTime() + HOUR_MS), accountIds: [full.accountId] });
    expect(await alertsOf(full.accountId, "anomaly")).toHaveLength(1);
    expect(await alertEmailsOf(full.accountId, "spend-anomaly")).toHaveLength(2);
  });

  it("fires the same day, on the cost so far", async () => {
    const account = await createTestAccount();
    const thisHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    await postCosts(account.accountId, [...dailyHistory(today, 7, 30), { hour: new Date(thisHour), cents: 150 }]);
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    expect(await alertsOf(account.accountId, "anomaly")).toMatchObject([
      { key: `anomaly:${dayOf(today)}`, data: { costMicros: "1500000", medianMicros: "300000", isToday: true } },
    ]);
  });

  it("counts an idle day inside the history as zero, and is silent under 5×", async () => {
    const account = await createTestAccount();
    // Seven days of history, three of them idle: the median is still $0.30 ([0, 0, 0, .3, .3, .3, .3]).
    const history = dailyHistory(yesterday, 7, 30).filter((_, index) => index !== 1 && index !== 2 && index !== 3);
    await postCosts(account.accountId, [...history, { hour: new Date(yesterday + HOUR_MS), cents: 149 }]);
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    expect(await alertsOf(account.accountId, "anomaly")).toEqual([]);
    await postCosts(account.accountId, [{ hour: new Date(yesterday + 2 * HOUR_MS), cents: 1 }]);
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    expect(await alertsOf(account.accountId, "anomaly")).toMatchObject([{ data: { costMicros: "1500000", medianMicros: "300000" } }]);
  });
});
