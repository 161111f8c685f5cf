import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "../support/auth-fixture";
import { screenshotBothWidths } from "../support/screenshots";
import { createPlatformToken, expectAccessible, parseCsv, sendUsage, signInNewPerson } from "./account-steps";

// Issue 17, "numbers people can check": the auto-recharge box shows what was saved, amounts in cents
// with the exact value in a title, usage in the price list's units, dates in the person's time zone,
// filters that apply on change, each space's cost by resource, and no sideways scrolling at 375 px.
test.describe("numbers people can check", () => {
  test.describe.configure({ timeout: 180_000 });

  async function saveCard(page: Page): Promise<void> {
    await page.goto("/account/billing");
    await page.getByRole("button", { name: "Save a card" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/, { timeout: 20_000 });
    await page.getByLabel("Email").fill("payer@example.com");
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Card saved" })).toBeVisible({ timeout: 20_000 });
  }

  test("the auto-recharge box shows what was saved, before and after a reload", async ({ page, invite }) => {
    await signInNewPerson(page, invite, "recharge-box");
    await saveCard(page);
    const box = page.getByRole("checkbox", { name: "Recharge automatically" });
    const save = page.getByRole("button", { name: "Save auto-recharge" });
    await box.check();
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Auto-recharge is on." })).toBeVisible();
    await expect(page.getByTestId("auto-recharge-status")).toContainText("On");
    await expect(box).toBeChecked();
    await page.reload();
    await expect(box).toBeChecked();
    await box.uncheck();
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Auto-recharge settings saved (off)." })).toBeVisible();
    await expect(page.getByTestId("auto-recharge-status")).toHaveText("Off");
    await expect(box).not.toBeChecked();
    await page.reload();
    await expect(box).not.toBeChecked();
    await expect(page.getByTestId("auto-recharge-status")).toHaveText("Off");
  });

  test.describe("with usage", () => {
    // The browser's zone is the default until the person chooses one.
    test.use({ timezoneId: "America/New_York" });

    const SPACE = "whiteboard-for-the-north-east-regional-planning-office";
    const hourIn = (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .format(at)
        .replace(",", "");

    // A new person whose $5 welcome credit met $3.79 of outbound calls ($0.20 per 1,000) and $0.000114
    // of compute ($0.04 per 3,600,000 CPU-ms): their balance is $1.209886.
    async function personWithUsage(page: Page, invite: (email: string) => Promise<void>, database: pg.Pool, request: APIRequestContext): Promise<Date> {
      const email = await signInNewPerson(page, invite, "numbers");
      const account = (await database.query<{ id: string }>(`select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`, [email])).rows[0]!.id;
      const token = await createPlatformToken(database);
      const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      await sendUsage(request, token, [
        { id: `numbers:${account}:1`, account, space: SPACE, hour: hour.toISOString(), third_party_calls: 18_950, cpu_ms: 10_260 },
      ]);
      return hour;
    }

    test("amounts are cents with the exact value in a title", async ({ page, invite, database, request }) => {
      await personWithUsage(page, invite, database, request);
      await page.goto("/account");
      await expect(page.getByTestId("balance")).toHaveText("$1.21");
      await expect(page.getByTestId("balance").locator("span[title]")).toHaveAttribute("title", "Exactly $1.209886");
      await expect(page.getByTestId("month-to-date")).toHaveText("$3.79");
      await expect(page.getByTestId("month-to-date").locator("span[title]")).toHaveAttribute("title", "Exactly $3.790114");
      expect(await page.locator("main").innerText()).not.toMatch(/\$\d[\d,]*\.\d{3,}/);
      await page.goto("/account/usage?range=24h");
      await expect(page.getByTestId("usage-total")).toHaveText("$3.79");
      expect(await page.locator("main").innerText()).not.toMatch(/\$\d[\d,]*\.\d{3,}/);
    });

    test("usage is in the price list's units beside its rate, and the CSV adds the same columns", async ({ page, invite, database, request }) => {
      const hour = await personWithUsage(page, invite, database, request);
      await page.goto("/account/usage?range=24h");
      const rows = page.getByTestId("usage-rows");
      await expect(rows).toContainText("18.95 × 1,000 calls");
      await expect(rows).toContainText("$0.20 per 1,000 calls");
      await expect(rows).toContainText("0.00285 CPU-hours");
      await expect(rows).toContainText("$0.04 per CPU-hour");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
      const csv = parseCsv(await readFile(await download.path(), "utf8"));
      const calls = csv.find((row) => row.resource === "third_party_calls")!;
      expect(Object.keys(calls).slice(0, 5)).toEqual(["period_start_utc", "resource", "units", "cost_usd", "cost_micros"]);
      expect(calls).toMatchObject({ period_start_utc: hour.toISOString(), units: "18950", cost_micros: "3790000", price_unit: "1,000 calls", quantity: "18.95", price_usd: "0.200000" });
    });

    test("the usage filters apply on change, keeping the query string", async ({ page, invite, database, request }) => {
      await personWithUsage(page, invite, database, request);
      await page.goto("/account/usage?range=24h");
      await page.getByLabel("Detail").selectOption("day");
      await expect(page).toHaveURL(/[?&]range=24h&.*granularity=day/);
      await expect(page.getByLabel("Detail")).toHaveValue("day");
      await page.getByLabel("Group by").selectOption("space");
      await expect(page).toHaveURL(/group=space/);
      await expect(page.getByTestId("usage-rows")).toContainText(SPACE);
    });

    test("dates follow the browser's zone until the person chooses one", async ({ page, invite, database, request }) => {
      const hour = await personWithUsage(page, invite, database, request);
      await page.goto("/account/usage?range=24h");
      await expect(page.getByTestId("usage-rows")).toContainText(hourIn(hour, "America/New_York"));
      await page.goto("/account/settings");
      const zone = page.getByRole("combobox", { name: "Time zone" });
      await expect(zone).toHaveValue("America/New_York");
      await zone.selectOption("Asia/Tokyo");
      await page.getByRole("button", { name: "Save time zone" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Asia/Tokyo" })).toBeVisible();
      await expect(zone).toHaveValue("Asia/Tokyo");
      await page.goto("/account/usage?range=24h");
      await expect(page.getByTestId("usage-rows")).toContainText(hourIn(hour, "Asia/Tokyo"));
      await page.reload();
      await expect(page.getByTestId("usage-rows")).toContainText(hourIn(hour, "Asia/Tokyo"));
    });

    test("the spaces page shows each space's cost by resource and links to its usage", async ({ page, invite, database, request }) => {
      await personWithUsage(page, invite, database, request);
      await page.goto("/account/spaces");
      const space = page.getByTestId("space-row").filter({ hasText: SPACE });
      await expect(space.getByTestId("space-cost")).toHaveText("$3.79");
      await expect(space.getByTestId("space-resources")).toContainText("Outbound calls$3.79");
      await expect(space.getByTestId("space-resources")).toContainText("Compute$0.00");
      await expect(space.getByRole("link", { name: `Usage of ${SPACE}` })).toHaveAttribute("href", /\/account\/usage\?.*space=/);
    });

    test("at 375 px nothing scrolls sideways, every cost is in view, axe is clean, in both colour schemes", async ({ page, invite, database, request }) => {
      test.setTimeout(480_000); // eight pages, each with axe and four screenshots
      await personWithUsage(page, invite, database, request);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const path of ["/account", "/account/usage?range=24h&group=space", "/account/spaces", "/account/billing"]) {
          await page.setViewportSize({ width: 375, height: 812 });
          await page.goto(path);
          const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          expect(widths.scroll, `${path} scrolls sideways at 375 px`).toBeLessThanOrEqual(widths.client);
          for (const cost of [...(await page.getByTestId("usage-cost").all()), ...(await page.getByTestId("space-cost").all())]) {
            const box = (await cost.boundingBox())!;
            expect(box.x + box.width, `${path}: a cost is out of view`).toBeLessThanOrEqual(375);
          }
          await expectAccessible(page);
          await screenshotBothWidths(page, "numbers", `${path.replace(/[/?=&]+/g, "-").replace(/^-/, "")}-${scheme}`);
        }
      }
    });
  });
});
