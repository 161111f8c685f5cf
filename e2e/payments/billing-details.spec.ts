import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expectAccessible, signInNewPerson } from "../account/account-steps";

// Billing details on /account/billing (issue 20): added with the keyboard only, saved to the Stripe
// customer (the emulator), shown on the page; a VAT ID Stripe refuses is shown on its field. axe on the
// page, 375 px usable, screenshots in light and dark.
test.describe("billing details", () => {
  test.describe.configure({ timeout: 120_000 });

  test("added by keyboard, shown, and a refused VAT ID shown on its field", async ({ page, invite }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "billing-details");
    await page.goto("/account/billing");
    const panel = page.getByRole("region", { name: "Billing details" });
    await expect(panel).toContainText("None yet. Added at your first payment, or add them now.");

    // Keyboard only: open the disclosure, then type into each field in order.
    await panel.getByText("Add billing details").focus();
    await page.keyboard.press("Enter");
    await panel.getByLabel("Company name").focus();
    await page.keyboard.type("Acme GmbH");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Unter den Linden 1");
    await panel.getByLabel("City").focus();
    await page.keyboard.type("Berlin");
    await page.keyboard.press("Tab");
    await page.keyboard.type("10117");
    await panel.getByLabel("Country").selectOption("DE");
    await panel.getByLabel("Tax ID type").selectOption("eu_vat");
    await panel.getByLabel("Tax ID", { exact: true }).fill("123456789");
    await panel.getByLabel("Tax ID", { exact: true }).press("Enter");
    await expect(panel.getByText("Invalid value for eu_vat.").first()).toBeVisible();
    await expect(panel.getByLabel("Tax ID", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(panel.getByTestId("billing-details")).toHaveCount(0);
    // What was chosen survives the refusal (React resets a form after its action).
    await expect(panel.getByLabel("Country")).toHaveValue("DE");
    await expect(panel.getByLabel("Tax ID type")).toHaveValue("eu_vat");
    await screenshotBothWidths(page, "payments", "billing-details-error");

    await panel.getByLabel("Tax ID", { exact: true }).fill("DE 123 456 789");
    await panel.getByRole("button", { name: "Save billing details" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Billing details saved." })).toBeVisible();
    await expect(panel.getByTestId("billing-details")).toContainText("Acme GmbH");
    await expect(panel.getByTestId("billing-details")).toContainText("10117 Berlin, Germany");
    await expect(panel.getByTestId("billing-details")).toContainText("DE123456789");
    await expectAccessible(page);

    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotBothWidths(page, "payments", "billing-details");
    expect(problems).toEqual([]);
  });
});
