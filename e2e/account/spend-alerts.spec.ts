import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "../support/auth-fixture";
import { screenshotBothWidths } from "../support/screenshots";
import { expectAccessible, signInNewPerson } from "./account-steps";

// Issue 19, spend alerts as a person meets them: the three switches and the runway's days in settings,
// saved and shown again after a reload; this month's alerts on the dashboard, one sentence each with its
// numbers, dismissable; axe-clean and without sideways scrolling at 375 px. The alerts are staged in the
// database as the hourly job records them (tests/integration/spend-alerts*.test.ts evaluate them for real).

async function stageAlerts(database: pg.Pool, email: string): Promise<void> {
  const account = await database.query<{ id: string }>(
    `select a.id from billing_accounts a join "user" u on u.id = a.owner_user_id where u.email = $1`,
    [email],
  );
  const accountId = account.rows[0]!.id;
  const alerts = [
    ["runway", "runway:e2e", { balanceMicros: "4120000", perDayMicros: "1370000", days: 3, withinDays: 7, windowDays: 7 }],
    ["anomaly", "anomaly:2026-12-05", { day: "2026-12-05", costMicros: "31500000", medianMicros: "2100000", isToday: false }],
    ["budget", "budget:1:2026-12:100", { space: "chess-club", percent: 100, amount_micros: "2000000", spend_micros: "2040000", action: "pause" }],
  ] as const;
  for (const [kind, key, data] of alerts) {
    await database.query(`insert into spend_alerts (account_id, kind, key, data) values ($1, $2, $3, $4)`, [accountId, kind, key, JSON.stringify(data)]);
  }
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 812 });
  // Polled: the page is measured once it has laid out again at the new width (a resize is not a reflow).
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("spend alerts", () => {
  test.describe.configure({ timeout: 120_000 });

  test("the switches save, and the dashboard tells each alert until it is dismissed", async ({ page, invite, database }) => {
    const email = await signInNewPerson(page, invite, "spend-alerts");

    // Nothing to tell yet: no notices at all.
    await expect(page.getByTestId("spend-alert-notices")).toHaveCount(0);

    await page.goto("/account/settings");
    const panel = page.getByRole("region", { name: "Spend alerts" });
    await expect(panel.getByRole("checkbox", { name: /Budget alerts/ })).toBeChecked();
    await expect(panel.getByRole("checkbox", { name: /Running out soon/ })).toBeChecked();
    await expect(panel.getByRole("checkbox", { name: /Unusual spend/ })).toBeChecked();
    await expect(panel.getByLabel("Days of credit left that trigger it")).toHaveValue("7");
    await panel.getByLabel("Days of credit left that trigger it").fill("14");
    await panel.getByRole("checkbox", { name: /Budget alerts/ }).uncheck();
    await panel.getByRole("button", { name: "Save spend alerts" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Spend alerts saved." })).toBeVisible();
    await page.reload();
    await expect(panel.getByLabel("Days of credit left that trigger it")).toHaveValue("14");
    await expect(panel.getByRole("checkbox", { name: /Budget alerts/ })).not.toBeChecked();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshotBothWidths(page, "account", "spend-alert-settings");

    // Budget alerts back on, so the staged budget notice shows (a paused space shows either way).
    await panel.getByRole("checkbox", { name: /Budget alerts/ }).check();
    await panel.getByRole("button", { name: "Save spend alerts" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Spend alerts saved." })).toBeVisible();

    await stageAlerts(database, email);
    await page.goto("/account");
    const notices = page.getByTestId("spend-alert-notices").getByRole("listitem");
    await expect(notices).toHaveCount(3);
    await expect(notices.filter({ hasText: "Your credit lasts about 3 days" })).toContainText("At $1.37 a day");
    await expect(notices.filter({ hasText: "Unusual spend" })).toContainText("Saturday 5 December (UTC) cost $31.50, 15× a usual day of $2.10");
    await expect(notices.filter({ hasText: "“chess-club” is paused by a budget" })).toContainText("reached 100% of its monthly budget of $2.00");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshotBothWidths(page, "account", "spend-alert-notices");

    await page.getByRole("button", { name: "Dismiss: Unusual spend" }).click();
    await expect(notices).toHaveCount(2);
    await page.reload();
    await expect(notices).toHaveCount(2);
    await expect(notices.filter({ hasText: "Unusual spend" })).toHaveCount(0);
  });
});
