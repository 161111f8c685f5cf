// Issue 20's journey: a person tops up on the emulator's hosted Checkout page with a company name, a
// German address and a VAT ID; the invoice is listed on /account/billing and its PDF (fetched, parsed
// with unpdf) carries the invoice number and the VAT ID; a refund from the emulator's control issues a
// credit note, listed beneath the invoice. Axe clean; screenshots at 1280 and 375 px, light and dark.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expectAccessible, signInNewPerson } from "./account-steps";

// A browser checkout, a webhook, a refund and axe twice, on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const VAT_ID = "DE123456789";

function emulatorUrl(): string {
  const url = process.env.STRIPE_EMULATOR_URL;
  if (!url) throw new Error("STRIPE_EMULATOR_URL is not set (the test runner sets it)");
  return url;
}

async function refundCharge(chargeId: string): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/_emulator/charges/${chargeId}/refund`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`refund control: ${response.status} ${await response.text()}`);
}

async function chargeOf(database: pg.Pool, email: string): Promise<string> {
  const rows = await database.query<{ charge_id: string }>(
    `select t.charge_id from top_ups t join billing_accounts b on b.id = t.billing_account_id
     join "user" u on u.id = b.owner_user_id where u.email = $1 and t.status = 'paid'`,
    [email],
  );
  return rows.rows[0]!.charge_id;
}

/** What a business buyer types on Checkout: card, company, German address, VAT ID. */
async function payAsBusiness(page: Page): Promise<void> {
  await page.getByLabel("Email").fill("accounts@hopper.example");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  // With the billing address asked for, its Name is the cardholder's too (the page has no "Name on card").
  const address = page.getByRole("group", { name: "Billing address" });
  await address.getByLabel("Name", { exact: true }).fill("Grace Hopper");
  await address.getByLabel("Country").selectOption("DE");
  await address.getByLabel("Address line 1").fill("Hauptstraße 1");
  await address.getByLabel("City").fill("Berlin");
  await address.getByLabel("Postal code").fill("10115");
  const business = page.getByRole("group", { name: "Business purchase" });
  await business.getByLabel("I'm purchasing as a business").check();
  await business.getByLabel("Business name").fill("Hopper GmbH");
  await business.getByLabel("Tax ID").fill(VAT_ID);
  await page.getByRole("button", { name: "Pay" }).click();
}

test("a business top-up gets an invoice with its VAT ID, and a refund its credit note", async ({
  page,
  invite,
  database,
}) => {
  const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the emulator serves no icon
  const email = await signInNewPerson(page, invite, "invoices");
  await page.goto("/account/billing");
  const invoices = page.getByRole("region", { name: "Invoices" });
  await expect(invoices).toContainText("No invoices yet");
  await expectAccessible(page);
  await screenshotBothWidths(page, "account", "invoices-empty");

  await page.getByText("$25", { exact: true }).click();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/c\/pay\/cs_/);
  await payAsBusiness(page);
  await expect(page).toHaveURL(/\/account\/billing\/return\?session_id=cs_/);
  await expect(page.getByTestId("credited")).toHaveText("+$25.00");

  await page.goto("/account/billing");
  const row = invoices.getByTestId("invoice-row");
  await expect(row).toHaveCount(1);
  const number = await row.getAttribute("data-invoice-number");
  expect(number).toMatch(/\S/);
  await expect(row).toContainText("$25.00");
  await expect(row).toContainText("Paid");

  // The PDF Stripe (the emulator) made: a real PDF with the invoice's number and the buyer's VAT ID.
  const pdfUrl = await row.getByTestId("invoice-pdf").getAttribute("href");
  const pdf = await page.request.get(pdfUrl!);
  expect(pdf.ok()).toBe(true);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain(number!);
  expect(text).toContain(VAT_ID);

  // A refund from Stripe's side: the webhook issues the credit note, listed beneath its invoice.
  await refundCharge(await chargeOf(database, email));
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("credit-note")).toHaveCount(1);
  }).toPass({ timeout: 30_000 });
  await expect(row.getByTestId("credit-note")).toContainText("$25.00");
  await expect(row.getByTestId("invoice-refunded")).toHaveText("Refunded");
  await expect(row.getByTestId("credit-note").getByRole("link", { name: /PDF/ })).toHaveCount(1);
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(page, "account", "invoices-refunded");
  expect(problems).toEqual([]);
});
