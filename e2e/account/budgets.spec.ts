import type { Locator, Page } from "@playwright/test";
import { describeBudgetLimit } from "@/lib/account/budget-sentences";
import { expect, mailTo, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { createPlatformToken, expectAccessible, sendUsage, signInNewPerson } from "./account-steps";

// Issue 19's browser journey: a $2 pause budget on one space, usage past it through the billing API,
// the space paused on the dashboard with its explanation and in the mail catcher, the budget raised from
// the dashboard's link, the space running again; its sibling never stops. Outbound calls cost $0.20 per
// 1,000 (the rate card the migrations publish), so the amounts below are exact.
test.describe("budgets", () => {
  // Two pages photographed four times each (e2e/support/screenshots.ts).
  test.describe.configure({ timeout: 300_000 });

  const hour = () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();

  const spaceRow = (page: Page, name: string): Locator =>
    page.getByTestId("space-row").filter({ has: page.getByText(name, { exact: true }) });

  /** Axe in both colour schemes, then back to light. */
  async function expectAccessibleInBothSchemes(page: Page): Promise<void> {
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "light" });
  }

  /** Nothing wider than a 375 px phone: no sideways scrolling of the page. */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    await page.setViewportSize({ width: 375, height: 812 });
    // Polled: the page is measured once it has laid out again at the new width (a resize is not a reflow).
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  test("a $2 pause budget pauses one space past it, the dashboard and an email say so, and raising it resumes the space", async ({
    page,
    invite,
    database,
    request,
  }) => {
    const problems = watchForPageErrors(page);
    const email = await signInNewPerson(page, invite, "budgets");
    const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
    const token = await createPlatformToken(database);
    // A space exists from its first usage record: chat $0.20, notes $0.10.
    await sendUsage(request, token, [
      { id: `e2e:${account}:chat:1`, account, space: "chat", hour: hour(), third_party_calls: 1_000 },
      { id: `e2e:${account}:notes:1`, account, space: "notes", hour: hour(), third_party_calls: 500 },
    ]);

    await page.goto("/account/spaces");
    const chat = spaceRow(page, "chat");
    const notes = spaceRow(page, "notes");
    await expect(chat.getByTestId("space-state")).toHaveText("Active");
    await expect(chat.getByTestId("space-budget")).toHaveText("No budget");
    await chat.getByText("Set a budget").click();
    const amount = chat.getByLabel("Monthly budget (US dollars)");
    // A refused amount: the reason beside the field, what was typed kept, nothing saved.
    await amount.fill("0");
    await chat.getByRole("button", { name: "Save budget for chat" }).click();
    await expect(chat.getByRole("alert")).toContainText("Enter a monthly budget from $0.01");
    await expect(amount).toHaveValue("0");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await amount.fill("2");
    await chat.getByLabel("Pause at the limit").check();
    await chat.getByRole("button", { name: "Save budget for chat" }).click();
    const sentence = describeBudgetLimit({
      scope: { kind: "space", name: "chat" },
      amountMicros: 2_000_000n,
      action: "pause",
      now: new Date(),
    });
    await expect(chat.getByRole("status")).toHaveText(`Budget saved. ${sentence}`);
    await expect(chat.getByTestId("budget-sentence")).toHaveText(sentence);
    await expect(chat.getByTestId("space-budget")).toHaveText("Spent $0.20 of its $2.00 budget (10%)");
    await expect(chat.getByTestId("space-state")).toHaveText("Active");
    await expect(notes.getByTestId("space-budget")).toHaveText("No budget");

    // $2.00 more of outbound calls: chat has spent $2.20 of its $2.00, in the request that posts it.
    await sendUsage(request, token, [
      { id: `e2e:${account}:chat:2`, account, space: "chat", hour: hour(), third_party_calls: 10_000 },
    ]);

    await page.goto("/account");
    const notice = page.getByTestId("paused-spaces");
    await expect(notice).toContainText("chat is paused");
    await expect(notice).toContainText(
      "A paused space is read-only: your platform refuses new work for it and nothing is deleted.",
    );
    await expect(notice.getByTestId("paused-space")).toHaveText(
      "chat spent $2.20 of its $2.00 budget this month. Raise the budget of chat",
    );
    await expectAccessibleInBothSchemes(page);
    await expectNoSidewaysScroll(page);
    await screenshotBothWidths(page, "budgets", "dashboard-paused");

    // The email that says the space paused is sent whatever the alert choices (lib/budgets).
    await expect
      .poll(async () => (await mailTo(email)).filter((message) => message.text.includes("chat is paused")).length, {
        timeout: 20_000,
      })
      .toBe(1);

    await notice.getByRole("link", { name: "Raise the budget of chat" }).click();
    await expect(page).toHaveURL(/\/account\/spaces#space-\d+$/);
    await expect(chat.getByTestId("space-state")).toHaveText("Paused — over its $2.00 budget");
    await expect(chat.getByTestId("space-budget")).toHaveText("Spent $2.20 of its $2.00 budget (110%)");
    await expect(notes.getByTestId("space-state")).toHaveText("Active");
    await expectAccessibleInBothSchemes(page);
    await expectNoSidewaysScroll(page);
    await screenshotBothWidths(page, "budgets", "spaces-paused");

    // Raised by keyboard alone: the paused space's form is open where the link landed.
    const raise = chat.getByLabel("Monthly budget (US dollars)");
    await expect(raise).toHaveValue("2.00");
    await raise.focus();
    await raise.fill("5");
    await raise.press("Enter");
    await expect(chat.getByRole("status")).toContainText("Budget saved. At $5.00 this month, space chat pauses");
    await expect(chat.getByTestId("space-state")).toHaveText("Active");
    await expect(chat.getByTestId("space-budget")).toHaveText("Spent $2.20 of its $5.00 budget (44%)");

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await expect(page.getByTestId("paused-spaces")).toHaveCount(0);

    // Removing the budget leaves the space without one.
    await page.goto("/account/spaces");
    await chat.getByText("Change or remove the budget").click();
    await chat.getByRole("button", { name: "Remove budget for chat" }).click();
    await expect(chat.getByTestId("space-budget")).toHaveText("No budget");
    expect(problems).toEqual([]);
  });
});
