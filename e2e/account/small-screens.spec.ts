import { expect, test } from "../support/auth-fixture";
import AxeBuilder from "@axe-core/playwright";
import { createPlatformToken, sendUsage, signInNewPerson } from "./account-steps";

// Issue 17's acceptance: at 375 px every account page is axe clean and scrolls only up and down, for an
// account that has data (usage over two spaces and several hours, so tables and charts are filled).
const PAGES = ["/account", "/account/usage", "/account/spaces", "/account/statement", "/account/billing", "/account/settings", "/account/invites"];

test.describe("account pages on a phone", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
  });

  for (const path of PAGES) {
    test(`${path} at 375 px: axe clean, no horizontal scroll`, async ({ page, invite, database, request }) => {
      await signInNewPerson(page, invite, "phone");
      const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
      const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      const records = [1, 2, 3, 26].flatMap((hoursAgo) =>
        ["whiteboard-for-the-design-team", "chess-club"].map((space) => ({
          id: `e2e:phone:${account}:${space}:${hoursAgo}`,
          account,
          space,
          hour: new Date(now - hoursAgo * 3_600_000).toISOString(),
          cpu_ms: 1_234_567 * hoursAgo,
          memory_bytes: 268_435_456,
          connections: 12,
          messages: 98_765,
          bandwidth_bytes: 123_456_789,
          storage_bytes: 1_073_741_824,
          first_party_calls: 321,
        })),
      );
      await sendUsage(request, await createPlatformToken(database), records);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Both checks are reported for every page, whichever fails first.
      const overflow = await page.evaluate(() => {
        const root = document.scrollingElement!;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect.soft(overflow.scrollWidth, `${path}: ${overflow.scrollWidth}px wide in a ${overflow.clientWidth}px screen`).toBeLessThanOrEqual(overflow.clientWidth);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect.soft(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `${path}: axe`).toEqual([]);
    });
  }
});
