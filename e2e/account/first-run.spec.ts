import type { Page } from "@playwright/test";
import { expect, mailTo, test, waitForLink } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { newPerson } from "../support/signup-fixture";
import { requestLink } from "../support/sign-in-steps";
import { createPlatformToken, expectAccessible, sendUsage, signInNewPerson } from "./account-steps";

// Issue 17, "The first run": the welcome panel, the account menu, "Sign in" for someone signed in, the
// skip link, the shared width of the account pages, and the frozen notice's one-click unfreeze.
test.describe("the first run", () => {
  test.describe.configure({ timeout: 180_000 });

  async function linksTo(email: string): Promise<number> {
    return (await mailTo(email)).filter((mail) => mail.text.includes("/api/auth/callback/nodemailer")).length;
  }

  async function accountIdOn(page: Page): Promise<string> {
    return (await page.getByTestId("billing-account-id").textContent())!.trim();
  }

  test("a new account sees the welcome panel until it dismisses it, on every device", async ({ page, invite, browser }) => {
    const problems = watchForPageErrors(page);
    const email = await signInNewPerson(page, invite, "welcome");
    const panel = page.getByTestId("welcome-panel");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("heading", { name: "Welcome to Tandem" })).toBeVisible();
    await expect(panel).toContainText("$5.00 of welcome credit");
    // Rate card v1: the team whiteboard costs $3.91 a month, so $5 runs it 933 hours, about 38 days.
    await expect(panel.getByTestId("welcome-examples").getByRole("listitem").first()).toContainText("Team whiteboard");
    await expect(panel.getByTestId("welcome-examples").getByRole("listitem").first()).toContainText("about 38 days");
    await expect(panel.getByRole("link", { name: "quick start in the docs" })).toHaveAttribute("href", /^https?:\/\//);
    await expectAccessible(page);
    await screenshotBothWidths(page, "first-run", "dashboard-welcome");

    await panel.getByRole("button", { name: "Dismiss the welcome panel" }).click();
    await expect(page.getByTestId("welcome-panel")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("welcome-panel")).toHaveCount(0);

    // Another device: a second browser context signed in by a new link.
    const other = await newPerson(browser);
    await requestLink(other, email);
    await other.goto(await waitForLink(email, 2));
    await expect(other).toHaveURL(/\/account$/);
    await expect(other.getByTestId("balance")).toBeVisible();
    await expect(other.getByTestId("welcome-panel")).toHaveCount(0);
    await other.context().close();
    expect(problems).toEqual([]);
  });

  test("the welcome panel goes once usage arrives", async ({ page, invite, database, request }) => {
    await signInNewPerson(page, invite, "welcome-usage");
    await expect(page.getByTestId("welcome-panel")).toBeVisible();
    const account = await accountIdOn(page);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
    await sendUsage(request, await createPlatformToken(database), [{ id: `e2e:welcome:${account}`, account, space: "first-app", hour, messages: 1_000 }]);
    await page.reload();
    await expect(page.getByTestId("welcome-panel")).toHaveCount(0);
  });

  test("a signed-in person gets the account menu in every App Router header, and Sign in sends no new link", async ({ page, invite }) => {
    const problems = watchForPageErrors(page);
    const email = await signInNewPerson(page, invite, "menu");
    for (const path of ["/account", "/account/billing", "/account/invites", "/invite", "/sign-in/check-email"]) {
      await page.goto(path);
      await expect(page.getByTestId("account-menu"), path).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" }), path).toHaveCount(0);
    }

    // Keyboard: the menu opens with Enter on its summary, and lists Account, Billing and Sign out.
    await page.goto("/account/invites");
    await page.getByTestId("account-menu").locator("summary").focus();
    await page.keyboard.press("Enter");
    const menu = page.getByTestId("account-menu");
    await expect(menu.getByRole("link", { name: "Account", exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Billing", exact: true })).toBeVisible();
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
    await screenshotBothWidths(page, "first-run", "account-menu-open");
    await menu.getByRole("link", { name: "Billing", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/billing$/);

    // "Sign in" from the static home page: straight to the account, and no new magic link.
    const linksBefore = await linksTo(email);
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/sign-in?callbackUrl=%2Faccount%2Fusage");
    await expect(page).toHaveURL(/\/account\/usage$/);
    await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await expect(page).toHaveURL(/\/account$/);
    await page.waitForTimeout(1_000);
    expect(await linksTo(email)).toBe(linksBefore);

    // Sign out from the menu.
    await page.getByTestId("account-menu").locator("summary").click();
    await page.getByTestId("account-menu").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
    await expect(page.getByTestId("account-menu")).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("the skip link is the first thing a keyboard reaches, on both routers", async ({ page }) => {
    for (const path of ["/", "/pricing", "/sign-in"]) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused, path).toHaveText("Skip to content");
      await expect(focused, path).toBeVisible();
      await expect(page.locator("main#main"), path).toHaveCount(1);
      await page.keyboard.press("Enter");
      await expect(page, path).toHaveURL(/#main$/);
    }
  });

  test("every account page has the same width and header, and billing and invites no extra back link", async ({ page, invite }) => {
    await signInNewPerson(page, invite, "width");
    const widths: number[] = [];
    for (const path of ["/account", "/account/usage", "/account/statement", "/account/spaces", "/account/billing", "/account/settings", "/account/invites"]) {
      await page.goto(path);
      const heading = page.getByRole("heading", { level: 1 });
      await expect(heading).toBeVisible();
      widths.push(Math.round(await heading.evaluate((element) => element.closest("main > div")!.getBoundingClientRect().width)));
      await expect(page.getByRole("main").getByRole("link", { name: "← Your account" }), path).toHaveCount(0);
    }
    expect(new Set(widths).size, widths.join(", ")).toBe(1);
    await page.goto("/account/billing");
    await screenshotBothWidths(page, "first-run", "billing");
    await page.goto("/account/invites");
    await screenshotBothWidths(page, "first-run", "invites");
  });

  test("a frozen account sees a danger notice whose one click opens Checkout for the right amount", async ({ page, invite, database, request }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the emulator serves no icon
    await signInNewPerson(page, invite, "frozen");
    const account = await accountIdOn(page);
    // $12 of third-party calls ($0.20 per 1,000) on the $5 credit: past the -$5 floor.
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
    await sendUsage(request, await createPlatformToken(database), [{ id: `e2e:frozen:${account}`, account, space: "busy", hour, third_party_calls: 60_000 }]);
    await page.reload();
    const notice = page.getByTestId("notices").getByRole("alert").filter({ hasText: "Your apps are frozen" });
    await expect(notice).toBeVisible();
    // Danger, not the amber warning of a low balance.
    await expect(notice).toHaveClass(/border-danger/);
    await expect(notice).not.toHaveClass(/border-warn/);
    const pay = notice.getByRole("link", { name: "Pay $5.00 to unfreeze" });
    await expect(pay).toHaveAttribute("href", "/account/billing/unfreeze");
    await expectAccessible(page);
    await screenshotBothWidths(page, "first-run", "dashboard-frozen");

    await pay.click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await expect(page.getByLabel("Total due")).toHaveText("$5.00");

    expect(problems).toEqual([]);
  });

  test("signed out, the unfreeze link signs in first and then opens Checkout", async ({ page, invite, database, request, browser }) => {
    const email = await signInNewPerson(page, invite, "frozen-out");
    const account = await accountIdOn(page);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
    await sendUsage(request, await createPlatformToken(database), [{ id: `e2e:frozen-out:${account}`, account, space: "busy", hour, third_party_calls: 60_000 }]);

    const fresh = await newPerson(browser);
    await fresh.goto("/account/billing/unfreeze");
    await expect(fresh).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fbilling%2Funfreeze$/);
    await fresh.getByLabel("Email address").fill(email);
    await fresh.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(fresh).toHaveURL(/\/sign-in\/check-email$/);
    await fresh.goto(await waitForLink(email, 2));
    await expect(fresh).toHaveURL(/\/c\/pay\/cs_/);
    await expect(fresh.getByLabel("Total due")).toHaveText("$5.00");
    await fresh.context().close();
  });
});
