import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, mailTo, test, uniqueEmail, waitForLink } from "../support/auth-fixture";
import { requestLink } from "../support/sign-in-steps";

// Saved card and auto-recharge in Chromium: the card is saved on the emulator's hosted page, usage
// arrives through the billing API, and the site's own job worker (started by instrumentation.ts) charges.
test.describe("auto-recharge", () => {
  test.describe.configure({ timeout: 60_000 });

  async function signIn(page: Page, invite: (email: string) => Promise<void>, label: string): Promise<string> {
    const email = uniqueEmail(label);
    await invite(email);
    await requestLink(page, email);
    await page.goto(await waitForLink(email));
    await expect(page).toHaveURL(/\/account$/);
    return email;
  }

  async function saveCard(page: Page, card: string): Promise<void> {
    await page.goto("/account/billing");
    await page.getByRole("button", { name: "Save a card" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await page.getByLabel("Email").fill("payer@example.com");
    await page.getByLabel("Card number").fill(card);
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await page.getByRole("button", { name: "Save card" }).click();
    if (card.startsWith("4000 0027")) await page.getByRole("button", { name: "Complete authentication" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Card saved" })).toBeVisible();
    await expect(page.getByTestId("saved-card")).toContainText(`ending in ${card.slice(-4)}`);
  }

  async function turnOn(page: Page): Promise<void> {
    await page.getByRole("checkbox", { name: "Recharge automatically" }).check();
    await page.getByLabel("Threshold ($)").fill("4");
    await page.getByLabel("Recharge to ($)").fill("20");
    await page.getByLabel("Monthly cap ($)").fill("100");
    await page.getByRole("button", { name: "Save auto-recharge" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Auto-recharge is on." })).toBeVisible();
  }

  // $3 of third-party calls ($0.20 per 1,000) through POST /api/billing/v1/usage, with a fresh platform token.
  async function pushUsage(page: Page, database: pg.Pool, email: string): Promise<void> {
    const token = `ptk_${randomBytes(30).toString("hex").slice(0, 40)}`;
    const hash = createHash("sha256").update(token).digest("hex");
    await database.query(`insert into platform_tokens (name, token_hash, prefix) values ($1, $2, $3)`, [`e2e-${hash.slice(0, 8)}`, hash, token.slice(0, 10)]);
    const account = await database.query<{ id: string }>(`select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`, [email]);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const records = [{ id: `e2e-${hash.slice(0, 12)}`, account: account.rows[0]!.id, space: "app", hour, third_party_calls: 15_000 }];
    const response = await page.request.post("/api/billing/v1/usage", { headers: { authorization: `Bearer ${token}` }, data: { records } });
    expect(response.status()).toBe(200);
  }

  test("a saved 4242 card recharges once when usage crosses the threshold", async ({ page, invite, database }, testInfo) => {
    const email = await signIn(page, invite, "recharge");
    await saveCard(page, "4242 4242 4242 4242");
    await turnOn(page);
    await pushUsage(page, database, email); // $5 → $2, under the $4 threshold
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("balance").textContent();
      }, { timeout: 20_000 })
      .toBe("$20.00");
    await expect(page.getByTestId("auto-recharges").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByTestId("auto-recharges")).toContainText("$18.00");
    await expect(page.getByTestId("auto-recharge-status")).toContainText("charged $18.00 of $100.00 this month");
    await page.screenshot({ path: testInfo.outputPath("auto-recharge-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("auto-recharge-375.png"), fullPage: true });
  });

  test("with 4000 0027 6000 3184 saved the recharge pauses and emails a fresh Checkout link", async ({ page, invite, database }, testInfo) => {
    const email = await signIn(page, invite, "paused");
    await saveCard(page, "4000 0027 6000 3184");
    await turnOn(page);
    await pushUsage(page, database, email);
    await expect
      .poll(async () => (await mailTo(email)).find((mail) => mail.text.includes("/c/pay/cs_"))?.text ?? "", {
        timeout: 20_000,
      })
      .toMatch(/\/c\/pay\/cs_/);
    await page.reload();
    await expect(page.getByRole("alert").filter({ hasText: "Auto-recharge is paused" })).toBeVisible();
    await expect(page.getByTestId("balance")).toHaveText("$2.00");
    await page.screenshot({ path: testInfo.outputPath("auto-recharge-paused-1280.png"), fullPage: true });
    const link = (await mailTo(email)).map((mail) => mail.text.match(/https?:\/\/\S+\/c\/pay\/cs_\S+/)?.[0]).find(Boolean)!;
    await page.goto(link);
    await expect(page.getByLabel("Total due")).toHaveText("$18.00");
  });
});
