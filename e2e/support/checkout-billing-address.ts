import type { Page } from "@playwright/test";

/**
 * Fills the billing address on the emulator's hosted Checkout page, which top-ups now require (issue 20:
 * every top-up gets an invoice). "Name" exactly: the card's "Name on card" is another field.
 */
export async function fillBillingAddress(page: Page, country = "US"): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await page.getByLabel("Country").selectOption(country);
  await page.getByLabel("Address line 1").fill("1 Test Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Postal code").fill("62701");
}
