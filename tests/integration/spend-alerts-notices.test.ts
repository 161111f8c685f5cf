// Issue 19: spend alerts as dashboard notices and as settings. Each alert is a notice until dismissed,
// only by its own account; a switched-off alert is neither emailed nor shown; the spend switches and the
// standing emails' choices are saved apart.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { dismissSpendAlert } from "@/lib/account/dismiss-spend-alert";
import { listSpendAlerts } from "@/lib/account/list-spend-alerts";
import { ALL_SPEND_ALERTS, getAlertChoices, getSpendAlertChoices, setAlertChoices, setSpendAlertChoices } from "@/lib/account/update-settings";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { evaluateSpendAlerts } from "@/lib/spend-alerts/evaluate-spend-alerts";
import { createTestAccount } from "../support/billing-api";
import { alertEmailsOf, alertsOf, dailyHistory, DAY_MS, postCosts, sessionOf } from "../support/spend-alerts";

afterAll(closeDb);

const now = new Date();
const yesterday = Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS;

/** A week at $0.30 a day, then $1.60 yesterday: an anomaly, and (with $1.30 left) a short runway. */
async function spikedAccount() {
  const account = await createTestAccount();
  await postCosts(account.accountId, [...dailyHistory(yesterday, 7, 30), { hour: new Date(yesterday + 3_600_000), cents: 160 }]);
  return account;
}

describe("spend alert notices", () => {
  it("show each alert with its numbers until its own account dismisses it", async () => {
    const account = await spikedAccount();
    const stranger = await createTestAccount();
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    const notices = await listSpendAlerts(getDb(), account.accountId, now);
    expect(notices.map((notice) => notice.kind).sort()).toEqual(["anomaly", "runway"]);
    const anomaly = notices.find((notice) => notice.kind === "anomaly")!;
    expect(anomaly).toMatchObject({ costMicros: 1_600_000n, medianMicros: 300_000n, isToday: false });

    // Another account's session cannot dismiss it: not found, and the notice stays.
    await expect(dismissSpendAlert(getDb(), sessionOf(stranger), anomaly.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(dismissSpendAlert(getDb(), sessionOf(stranger), anomaly.id)).rejects.toBeInstanceOf(AppError);
    expect((await alertsOf(account.accountId, "anomaly"))[0]!.dismissed_at).toBeNull();

    await dismissSpendAlert(getDb(), sessionOf(account), anomaly.id);
    await dismissSpendAlert(getDb(), sessionOf(account), anomaly.id); // twice is fine
    expect((await listSpendAlerts(getDb(), account.accountId, now)).map((notice) => notice.kind)).toEqual(["runway"]);
  });

  it("show nothing and send nothing for alerts switched off, and hide those switched off later", async () => {
    const muted = await spikedAccount();
    await setSpendAlertChoices(getDb(), sessionOf(muted), { ...ALL_SPEND_ALERTS, runwayAlert: false, anomalyAlert: false });
    await evaluateSpendAlerts(getDb(), { now, accountIds: [muted.accountId] });
    expect(await alertsOf(muted.accountId)).toEqual([]);
    expect(await alertEmailsOf(muted.accountId, "spend-anomaly")).toEqual([]);
    expect(await alertEmailsOf(muted.accountId, "runway-alert")).toEqual([]);
    expect(await listSpendAlerts(getDb(), muted.accountId, now)).toEqual([]);

    const account = await spikedAccount();
    await evaluateSpendAlerts(getDb(), { now, accountIds: [account.accountId] });
    await setSpendAlertChoices(getDb(), sessionOf(account), { ...ALL_SPEND_ALERTS, anomalyAlert: false });
    expect((await listSpendAlerts(getDb(), account.accountId, now)).map((notice) => notice.kind)).toEqual(["runway"]);
  });

  it("tell a budget alert in one sentence's figures, and last only this month", async () => {
    const account = await createTestAccount();
    await getDb().execute(sql`
      insert into spend_alerts (account_id, kind, key, data) values
        (${account.accountId}, 'budget', 'budget:1:2026-01:80',
          ${JSON.stringify({ space: "chess-club", percent: 80, amount_micros: "2000000", spend_micros: "1600000", action: "pause" })}::jsonb),
        (${account.accountId}, 'budget', 'budget:1:2026-02:50', '{}'::jsonb)`);
    await getDb().execute(sql`update spend_alerts set created_at = now() - interval '40 days' where key = 'budget:1:2026-02:50' and account_id = ${account.accountId}`);
    expect(await listSpendAlerts(getDb(), account.accountId)).toMatchObject([
      { kind: "budget", percent: 80, space: "chess-club", amountMicros: 2_000_000n, spendMicros: 1_600_000n, action: "pause" },
    ]);
  });
});

describe("spend alert settings", () => {
  it("are all on with 7 days until changed, and saved apart from the standing emails' choices", async () => {
    const account = await createTestAccount();
    const session = sessionOf(account);
    expect(await getSpendAlertChoices(getDb(), account.accountId)).toEqual(ALL_SPEND_ALERTS);
    const spend = { budgetAlerts: false, runwayAlert: true, runwayDays: 30, anomalyAlert: false };
    await setSpendAlertChoices(getDb(), session, spend);
    await setAlertChoices(getDb(), session, { lowBalance: false, ranOut: true, recovered: false });
    expect(await getSpendAlertChoices(getDb(), account.accountId)).toEqual(spend);
    expect(await getAlertChoices(getDb(), account.accountId)).toEqual({ lowBalance: false, ranOut: true, recovered: false });
    await setSpendAlertChoices(getDb(), session, ALL_SPEND_ALERTS);
    expect(await getAlertChoices(getDb(), account.accountId)).toEqual({ lowBalance: false, ranOut: true, recovered: false });
  });
});
