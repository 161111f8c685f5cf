import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { createPlatformToken, expectAccessible, sendUsage, signInNewPerson } from "./account-steps";

// The statement in Chromium (issue 17 bugs 4, 5 and 6): usage as one line per UTC day naming its hours,
// its spaces behind a keyboard-operable <details>, amounts in cents with the exact value in a title,
// and at 375 px every line's amount and balance after in view with no sideways scrolling.
test.describe("statement", () => {
  test.describe.configure({ timeout: 240_000 });

  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }

  test("usage by UTC day and space, in cents, readable at 375 px", async ({ page, invite, database, request }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "statement");
    const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
    const token = await createPlatformToken(database);
    const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const hour = (offsetHours: number) => new Date(midnight + offsetHours * 3_600_000).toISOString();
    const record = (space: string, offsetHours: number, cpu: number) => ({ id: `e2e:${account}:${space}:${offsetHours}`, account, space, hour: hour(offsetHours), cpu_ms: cpu, messages: 12_345 });
    // Two days ago at noon; yesterday 09:00-10:59 in two spaces and, in another batch, 22:00-23:59. The
    // grant was posted at sign-up, now, after all of these hours: it is the newest line.
    await sendUsage(request, token, [record("whiteboard", -36, 2_222_222)]);
    await sendUsage(request, token, [record("whiteboard", -15, 7_654_321), record("whiteboard", -14, 1_234_567), record("a-space-with-a-rather-long-name-for-a-phone", -15, 999)]);
    await sendUsage(request, token, [record("chess-club", -2, 3_333_333), record("chess-club", -1, 4_444_444)]);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/account/statement");
    const rows = page.getByTestId("statement-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("Grant");
    await expect(rows.nth(0).getByTestId("statement-amount")).toContainText("+$5.00");
    await expect(rows.nth(1).getByTestId("statement-usage-hours")).toHaveText("09:00–23:59 UTC");
    await expect(rows.nth(2).getByTestId("statement-usage-hours")).toHaveText("12:00–12:59 UTC");
    for (const row of await rows.all()) {
      for (const cell of [row.getByTestId("statement-amount"), row.getByTestId("statement-balance")]) {
        await expect(cell).toHaveText(/[-+]?\$\d+\.\d{2}/);
        await expect(cell).not.toHaveText(/\.\d{3}/);
        const box = (await cell.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(375);
      }
    }
    await expectNoSidewaysScroll(page);
    // The exact amount is one hover away, and every balance follows from the one before (in micros).
    const micros = async (index: number, testId: string) => {
      const money = rows.nth(index).getByTestId(testId).locator("span.tabular-nums");
      const title = await money.getAttribute("title");
      const exact = title ? title.replace("Exactly ", "") : (await money.textContent())!;
      return BigInt(exact.replace(/[$,+]/g, "").replace(/^(-?)(\d+)\.(\d+)$/, (_, sign: string, whole: string, part: string) => `${sign}${whole}${part.padEnd(6, "0")}`));
    };
    // The statement starts from zero: the oldest line's balance less its amount.
    expect((await micros(2, "statement-balance")) - (await micros(2, "statement-amount"))).toBe(0n);
    for (const index of [0, 1]) {
      expect((await micros(index, "statement-balance")) - (await micros(index, "statement-amount"))).toBe(await micros(index + 1, "statement-balance"));
    }

    // The spaces of yesterday's line open by keyboard.
    const spaces = rows.nth(1).getByTestId("statement-spaces");
    await spaces.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(spaces.getByTestId("statement-space")).toHaveCount(3);
    await expect(spaces.getByTestId("statement-space").filter({ hasText: "chess-club" })).toContainText("22:00–23:59 UTC");
    await expect(spaces.getByTestId("statement-space").filter({ hasText: "whiteboard" })).toContainText("09:00–10:59 UTC");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await screenshotBothWidths(page, "account", "statement");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      await page.screenshot({ path: path.resolve("test-results", "account", `statement-${width}-dark.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
  });
});
