import { watchForPageErrors } from "../support/page-errors";
import { expect, screenshots, signIn, test } from "../support/signup-fixture";

// Other journeys running at the same time expect the $5 default, so this one refuses a bad amount and
// saves the default back; other amounts are covered by tests/integration/launch-settings.test.ts.
test.describe.configure({ timeout: 90_000 });

test("an operator sees the welcome credit among the launch settings, with a clear error for a bad amount", async ({ page, operatorEmail }, testInfo) => {
  const problems = watchForPageErrors(page);
  await signIn(page, operatorEmail);
  await page.goto("/admin");
  const credit = page.getByLabel("Welcome credit (USD)");
  await expect(credit).toHaveValue("5.00");

  await credit.fill("250");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#field-promotionalGrant-error")).toHaveText(
    "Enter the welcome credit in dollars, from $0 to $100 (for example 5 or 2.50).",
  );
  await expect(credit).toHaveAttribute("aria-invalid", "true");
  await screenshots(page, (name) => testInfo.outputPath(name), "admin-settings-error");

  await credit.fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.locator("main")).toContainText("promotionalGrantMicros");
  expect(problems).toEqual([]);
});
