// Issue 18's journey for manual adjustments: an operator credits a customer $10 with a note for them,
// and the customer, signed in, sees the credit and the note on their statement (and gets the email).
// An adjustment above the two-person limit waits on /admin/approvals for another operator.
import { expectAccessible, signInNewPerson } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, newPerson, signIn, test, waitForMailText } from "../support/signup-fixture";

// Two sign-ins, axe in both schemes and twelve full-page screenshots: minutes on a loaded machine.
test.describe.configure({ timeout: 360_000 });

const NOTE = "Sorry about Tuesday's outage: this covers the hours your apps could not run.";

test("an operator credits $10 with a note and the customer sees it on their statement", async ({
  page,
  browser,
  database,
  invite,
  operatorEmail,
}) => {
  const problems = watchForPageErrors(page);
  const customerPage = await newPerson(browser);
  const customerEmail = await signInNewPerson(customerPage, invite, "adjusted-customer");
  const found = await database.query<{ id: string }>(
    `select a.id from billing_accounts a join "user" u on u.id = a.owner_user_id where u.email = $1`,
    [customerEmail],
  );
  const accountId = found.rows[0]!.id;

  await signIn(page, operatorEmail);
  await page.goto(`/admin/accounts/${accountId}/adjust`);
  await expect(page).toHaveTitle("Adjust balance · Admin · Tandem");
  await expect(page.getByRole("heading", { level: 1, name: "Adjust balance" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: customerEmail })).toBeVisible();
  await expect(page.getByTestId("adjust-balance")).toHaveText("$5.00");
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });

  // A debit shows the freeze confirmation; a bad amount is answered on its field and posts nothing.
  await page.getByLabel("Debit: take off the balance").check();
  await expect(page.getByLabel(/Allow freeze/)).toBeVisible();
  await page.getByLabel("Amount (USD)").fill("10.005");
  await page.getByLabel("Reason (operators only)").fill("Checking the form");
  await page.getByRole("button", { name: "Post adjustment" }).click();
  await expect(page.getByText(/Enter an amount in dollars/)).toBeVisible();
  // The answer keeps the operator's choice: a debit stays a debit.
  await expect(page.getByLabel("Debit: take off the balance")).toBeChecked();
  await expect(page.getByLabel(/Allow freeze/)).toBeVisible();
  await screenshotBothWidths(page, "ops", "admin-adjust-form");

  await page.getByLabel("Credit: add to the balance").check();
  await page.getByLabel("Amount (USD)").fill("10");
  await page.getByLabel("Reason (operators only)").fill("Goodwill for the outage of ticket 4711");
  await page.getByLabel("Note to the customer (optional)").fill(NOTE);
  await page.getByRole("button", { name: "Post adjustment" }).click();
  await expect(page.getByRole("status")).toHaveText("Adjustment posted: it is on the customer's statement now.");
  // The form is gone, so a second click cannot post a second adjustment; a fresh one starts from the link.
  await expect(page.getByRole("button", { name: "Post adjustment" })).toHaveCount(0);
  await page.getByRole("link", { name: "Make another adjustment" }).click();
  await expect(page.getByTestId("adjust-balance")).toHaveText("$15.00");

  // Above the two-person limit ($100 by default) it waits for a second operator.
  await page.getByLabel("Amount (USD)").fill("150");
  await page.getByLabel("Reason (operators only)").fill("Refund of a double charge");
  await page.getByRole("button", { name: "Post adjustment" }).click();
  await expect(page.getByRole("status")).toContainText("it waits on the Approvals page");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const pending = page.getByTestId("pending-adjustment").filter({ hasText: customerEmail });
  await expect(pending).toContainText("Credit $150.00");
  await expect(pending).toContainText("Yours: another operator approves it.");
  await expect(pending.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByTestId("decided-adjustment").filter({ hasText: customerEmail })).toContainText(
    "Credit $10.00",
  );
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(page, "ops", "admin-approvals");

  // The customer sees the credit with the note, never the operators' reason, and got the email.
  await customerPage.goto("/account/statement");
  const line = customerPage.locator('[data-testid="statement-row"][data-kind="adjustment"]');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("Adjustment");
  await expect(line).toContainText(NOTE);
  await expect(line).toContainText("+$10.00");
  await expect(customerPage.getByText("ticket 4711")).toHaveCount(0);
  await screenshotBothWidths(customerPage, "ops", "customer-statement-adjustment");
  expect(
    await waitForMailText(customerEmail, "Tandem adjusted your balance: $10.00 credited to your balance"),
  ).toContain(NOTE);
  expect(problems).toEqual([]);
  await customerPage.context().close();
});
