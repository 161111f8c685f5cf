import type { Page } from "@playwright/test";
import { expect, mailTo, test, uniqueEmail } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { newPerson } from "../support/signup-fixture";
import { expectAccessible, signInNewPerson } from "./account-steps";
import { fillBillingAddress } from "../support/checkout-billing-address";

// The finance person's journey (issue 19 part 5): the owner adds a billing contact in settings; the
// contact, not signed in, opens the confirmation email and confirms with the page's button; the owner
// sees "Confirmed"; a top-up's receipt reaches the contact with an unsubscribe link that works without
// signing in. axe on each page, 375 px usable, screenshots in light and dark.
test.describe("billing contacts", () => {
  // Two people, a Checkout payment, four axe runs and sixteen full-page screenshots on a loaded two-core machine.
  test.describe.configure({ timeout: 180_000 });

  async function linkInMail(address: string, subject: string, path: string): Promise<string> {
    let link = "";
    await expect
      .poll(
        async () => {
          const email = (await mailTo(address)).find((found) => (found as { subject?: string }).subject?.startsWith(subject));
          link = email?.text.match(new RegExp(`https?://[^\\s\\]]+${path}\\?[^\\s\\]]+`))?.[0] ?? "";
          return link !== "";
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return link;
  }

  async function topUp(page: Page): Promise<void> {
    await page.goto("/account/billing");
    await page.getByText("$25", { exact: true }).click();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await page.getByLabel("Email").fill("payer@example.com");
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiration (MM / YY)").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await fillBillingAddress(page);
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page).toHaveURL(/\/account\/billing\/return\?session_id=cs_/);
  }

  test("add a contact, confirm it from the email without signing in, and unsubscribe from a receipt", async ({ page, browser, invite }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the Stripe emulator serves no icon
    await signInNewPerson(page, invite, "contacts-owner");
    await page.goto("/account/settings");
    const panel = page.getByRole("region", { name: "Billing contacts" });
    const contact = uniqueEmail("finance");
    await panel.getByLabel("Email address").fill(contact);
    await panel.getByRole("button", { name: "Add contact" }).click();
    await expect(panel.getByRole("status")).toContainText(`Confirmation link sent to ${contact}`);
    await expect(panel.getByLabel("Email address")).toHaveValue("");
    const row = panel.getByTestId("billing-contact").filter({ hasText: contact });
    await expect(row).toContainText("Waiting for confirmation");
    await expect(row.getByRole("button", { name: `Send the link again to ${contact}` })).toBeVisible();
    await expectAccessible(page);
    await screenshotBothWidths(page, "account", "billing-contacts-settings");

    // The contact: another browser, no session, only the email.
    const finance = await newPerson(browser);
    // The used link answers 404 on purpose.
    const financeProblems = watchForPageErrors(finance, { expectedMissing: ["/contacts/confirm"] });
    const confirmLink = await linkInMail(contact, "Confirm this address", "/contacts/confirm");
    expect((await finance.goto(confirmLink))?.status()).toBe(200);
    await expect(finance.getByRole("heading", { level: 1 })).toHaveText("Confirm this address?");
    await expect(finance.getByText(contact)).toBeVisible();
    await finance.setViewportSize({ width: 375, height: 812 });
    await expect(finance.getByRole("button", { name: "Confirm and get receipts" })).toBeInViewport();
    await expectAccessible(finance);
    await screenshotBothWidths(finance, "account", "billing-contacts-confirm");
    await finance.getByRole("button", { name: "Confirm and get receipts" }).click();
    await expect(finance).toHaveURL(/\/contacts\/confirm\?confirmed=1$/);
    await expect(finance.getByRole("heading", { level: 1 })).toHaveText("Address confirmed");

    // Used once: the same link is now a calm 404 page.
    expect((await finance.goto(confirmLink))?.status()).toBe(404);
    await expect(finance.getByRole("heading", { level: 1 })).toHaveText("This link does not work");

    await page.reload();
    await expect(row).toContainText("Confirmed");
    await expect(row.getByRole("button", { name: /Send the link again/ })).toHaveCount(0);

    // A top-up's receipt reaches the contact, with a link that unsubscribes without signing in.
    await topUp(page);
    const unsubscribeLink = await linkInMail(contact, "Receipt: $25.00", "/contacts/unsubscribe");
    expect((await finance.goto(unsubscribeLink))?.status()).toBe(200);
    await expect(finance.getByRole("heading", { level: 1 })).toHaveText("Stop these emails?");
    await expectAccessible(finance);
    await screenshotBothWidths(finance, "account", "billing-contacts-unsubscribe");
    await finance.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(finance.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
    await screenshotBothWidths(finance, "account", "billing-contacts-unsubscribed");

    await page.goto("/account/settings");
    await expect(row).toContainText("Unsubscribed");
    expect(problems).toEqual([]);
    expect(financeProblems).toEqual([]);
    await finance.context().close();
  });
});
