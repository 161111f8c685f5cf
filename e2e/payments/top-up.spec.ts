import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail, waitForLink } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { requestLink } from "../support/sign-in-steps";
import { fillBillingAddress } from "../support/checkout-billing-address";

// A signed-in person tops up on the Stripe emulator's hosted Checkout page (the real redirect, the
// real form, the real webhook back to the site).
test.describe("card top-up", () => {
  test.describe.configure({ timeout: 60_000 });

  async function signIn(page: Page, invite: (email: string) => Promise<void>, label: string): Promise<void> {
    const email = uniqueEmail(label);
    await invite(email);
    await requestLink(page, email);
    await page.goto(await waitForLink(email));
    await expect(page).toHaveURL(/\/account$/);
  }

  async function startCheckout(page: Page, amount: string): Promise<void> {
    await page.getByRole("link", { name: "Add credit and see top-ups" }).click();
    await expect(page).toHaveURL(/\/account\/billing$/);
    await expect(page.getByTestId("balance")).toHaveText("$5.00");
    await page.getByText(amount, { exact: true }).click();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await expect(page.getByLabel("Total due")).toHaveText(amount === "$25" ? "$25.00" : /\$/);
  }

  async function payWith(page: Page, card: string): Promise<void> {
    await page.getByLabel("Email").fill("payer@example.com");
    await page.getByLabel("Card number").fill(card);
    await page.getByLabel("Expiration (MM / YY)").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await fillBillingAddress(page);
    await page.getByRole("button", { name: "Pay" }).click();
  }

  test("$25 with 4242 4242 4242 4242 raises the balance by exactly $25", async ({ page, invite }, testInfo) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the emulator serves no icon
    await signIn(page, invite, "top-up");
    await page.goto("/account/billing");
    await page.screenshot({ path: testInfo.outputPath("billing-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("billing-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/account");

    await startCheckout(page, "$25");
    await page.screenshot({ path: testInfo.outputPath("emulator-checkout-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("emulator-checkout-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    await payWith(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(/\/account\/billing\/return\?session_id=cs_/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment received");
    await expect(page.getByTestId("credited")).toHaveText("+$25.00");
    await expect(page.getByTestId("balance")).toHaveText("$30.00");
    await page.screenshot({ path: testInfo.outputPath("return-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("return-375.png"), fullPage: true });

    // The webhook arrives too; the balance still rose by exactly $25, and the top-up has its receipt.
    await page.reload();
    await expect(page.getByTestId("balance")).toHaveText("$30.00");
    await page.getByRole("link", { name: "Back to billing" }).click();
    await expect(page.getByTestId("balance")).toHaveText("$30.00");
    await expect(page.getByRole("link", { name: /Receipt/ })).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath("billing-after-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath("billing-after-1280.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("4000 0000 0000 0002 is declined and credits nothing", async ({ page, invite }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the emulator serves no icon
    await signIn(page, invite, "declined");
    await startCheckout(page, "$25");
    await payWith(page, "4000 0000 0000 0002");
    await expect(page.getByRole("alert")).toContainText("Your card was declined.");
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/account\/billing\?checkout=canceled$/);
    await expect(page.getByRole("status").filter({ hasText: "Payment canceled" })).toBeVisible();
    await expect(page.getByTestId("balance")).toHaveText("$5.00");
    await expect(page.getByText("No card payments yet.", { exact: false })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("a custom amount outside $5–$1,000 is refused on the server with a clear message", async ({ page, invite }) => {
    await signIn(page, invite, "custom");
    await page.goto("/account/billing");
    await page.getByLabel("Other amount in US dollars").fill("1500");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Enter an amount" })).toHaveText(/Enter an amount from \$5 to \$1,000/);
    await expect(page).toHaveURL(/\/account\/billing$/);
    await page.getByLabel("Other amount in US dollars").fill("12.50");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await expect(page.getByLabel("Total due")).toHaveText("$12.50");
  });
});
