// Issue 19: the runway alert. It fires when the balance runs out within the owner's days at the last 7
// days' rate (the dashboard's runway, one definition), once an episode however often the job runs, and
// never when switched off.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/account/get-dashboard";
import { ALL_SPEND_ALERTS, setSpendAlertChoices } from "@/lib/account/update-settings";
import { closeDb, getDb } from "@/lib/db/client";
import { evaluateSpendAlerts } from "@/lib/spend-alerts/evaluate-spend-alerts";
import { isoWeek } from "@/lib/spend-alerts/decide-spend-alerts";
import { createTestAccount } from "../support/billing-api";
import { alertEmailsOf, alertsOf, dailyHistory, DAY_MS, postCosts, sessionOf } from "../support/spend-alerts";

afterAll(closeDb);

const now = new Date();
const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;

/** An account that spent $0.50 a day for 8 days: $1 of its $5 grant left, about 2 days of runway. */
async function shortOfCredit() {
  const account = await createTestAccount();
  await postCosts(account.accountId, dailyHistory(today, 8, 50));
  return account;
}

describe("the runway alert", () => {
  it("respects the chosen days, fires once with the dashboard's figures, and not again while it lasts", async () => {
    const account = await shortOfCredit();
    const session = sessionOf(account);
    const only = { accountIds: [account.accountId] };

    // Two days left is not within one day: nothing.
    await setSpendAlertChoices(getDb(), session, { ...ALL_SPEND_ALERTS, runwayDays: 1 });
    await evaluateSpendAlerts(getDb(), { now, ...only });
    expect(await alertsOf(account.accountId, "runway")).toEqual([]);

    // Within seven days: the alert, with the same runway the dashboard shows.
    await setSpendAlertChoices(getDb(), session, { ...ALL_SPEND_ALERTS, runwayDays: 7 });
    await evaluateSpendAlerts(getDb(), { now, ...only });
    const dashboard = await getDashboard(getDb(), session, now);
    if (dashboard.runway.kind !== "estimate") throw new Error(`no runway estimate: ${dashboard.runway.kind}`);
    const alerts = await alertsOf(account.accountId, "runway");
    expect(alerts).toMatchObject([
      {
        key: `runway:${isoWeek(now)}`,
        data: {
          balanceMicros: "1000000",
          perDayMicros: dashboard.runway.perDayMicros.toString(),
          days: Number(dashboard.runway.days),
          withinDays: 7,
        },
      },
    ]);
    expect(Number(dashboard.runway.days)).toBe(2);
    expect((await alertEmailsOf(account.accountId, "runway-alert")).map((email) => [email.idempotency_key, email.to_address])).toEqual([
      [`spend-alert:${alerts[0]!.id}`, account.email],
    ]);

    // The next runs record nothing more; nor does one a week later (staged: the alert moved back eight
    // days, into another ISO week): the episode is open until the credit lasts again.
    await evaluateSpendAlerts(getDb(), { now: new Date(now.getTime() + 60_000), ...only });
    await getDb().execute(sql`
      update spend_alerts set created_at = created_at - interval '8 days', key = 'runway:earlier' where id = ${alerts[0]!.id}`);
    await evaluateSpendAlerts(getDb(), { now, ...only });
    expect(await alertsOf(account.accountId, "runway")).toHaveLength(1);
    expect(await alertEmailsOf(account.accountId, "runway-alert")).toHaveLength(1);
  });

  it("is never recorded or emailed when switched off", async () => {
    const account = await shortOfCredit();
    await setSpendAlertChoices(getDb(), sessionOf(account), { ...ALL_SPEND_ALERTS, runwayAlert: false });
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    expect(await alertsOf(account.accountId, "runway")).toEqual([]);
    expect(await alertEmailsOf(account.accountId, "runway-alert")).toEqual([]);
  });

  it("ends the episode once the credit lasts longer again", async () => {
    const account = await shortOfCredit();
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    // Asked about only a day: the same figures are no longer short, so the episode is over.
    await setSpendAlertChoices(getDb(), sessionOf(account), { ...ALL_SPEND_ALERTS, runwayDays: 1 });
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    const [alert] = await alertsOf(account.accountId, "runway");
    expect(alert?.data.recoveredAt).toBe(now.toISOString());
  });
});
