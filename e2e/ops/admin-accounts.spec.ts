// Issue 18, "Accounts": an operator finds a customer by email, opens the account page (balance,
// standing, the customer's own statement), freezes it with a reason; a non-operator gets the ordinary
// 404 on both pages. axe in both colour schemes; screenshots at 375 and 1280 px, light and dark.
import { expectAccessible, signInNewPerson } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, newPerson, signIn, test } from "../support/signup-fixture";

// Two pages, each with axe in both schemes and eight screenshots, on a machine shared by many builds.
test.describe.configure({ timeout: 600_000 });

test("an operator finds a customer by email, reads their account and freezes it", async ({
  page,
  browser,
  invite,
  database,
  operatorEmail,
}) => {
  const problems = watchForPageErrors(page, {
    expectedMissing: ["/admin/accounts/acct_0000000000000000000a", "/admin/accounts/not-an-id"],
  });
  // The customer, in their own browser: a new account with its welcome credit.
  const customerPage = await newPerson(browser);
  const customer = await signInNewPerson(customerPage, invite, "accounts-customer");
  const { rows } = await database.query<{ id: string }>(
    `select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`,
    [customer],
  );
  const accountId = rows[0]!.id;

  // Not an operator: both pages are the ordinary 404.
  for (const path of ["/admin/accounts", `/admin/accounts/${accountId}`]) {
    const response = await customerPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }

  await signIn(page, operatorEmail);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.getByLabel("Search").fill(customer.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  const row = page.getByTestId("account-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(accountId);
  await expect(row).toContainText("Active");
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-accounts", "search");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });

  // Bad parameters are named, not a 500.
  const bad = await page.goto(`/admin/accounts?page=-1&standing=nonsense&q=${"x".repeat(10_000)}`);
  expect(bad?.status()).toBe(200);
  const notice = page.getByRole("alert").filter({ hasText: "not understood" });
  await expect(notice).toContainText("Pages start at 1.");
  await expect(notice).toContainText("Not a known standing");
  await expect(notice).toContainText("Search for at most 200 characters.");
  await page.goto(`/admin/accounts?q=no-such-customer-${Date.now()}`);
  await expect(page.getByTestId("accounts-empty")).toContainText("No account matches");

  // The account page: balance, standing, the statement the customer sees.
  await page.goto(`/admin/accounts?q=${encodeURIComponent(customer)}`);
  await page.getByRole("link", { name: customer }).click();
  await expect(page.getByRole("heading", { level: 1, name: customer })).toBeVisible();
  const money = page.getByRole("region", { name: "Balance and standing" });
  await expect(money).toContainText("$5.00");
  await expect(page.getByTestId("adjust-balance")).toHaveAttribute("href", `/admin/accounts/${accountId}/adjust`);
  await expect(page.getByTestId("statement-row").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Person and sign-in" })).toContainText("Email link");
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-accounts", "account");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });

  // Freeze with a reason: the page says who froze it and why; the customer is emailed.
  const freeze = page.getByTestId("freeze-form");
  await freeze.getByRole("button", { name: "Freeze account" }).click();
  await expect(freeze.getByText("Give a reason")).toBeVisible();
  await freeze.getByLabel(/Reason/).fill("Card testing seen from this account");
  await freeze.getByRole("button", { name: "Freeze account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Frozen by ${operatorEmail}` })).toContainText(
    "Card testing seen from this account",
  );
  await expect(money).toContainText("Frozen by an operator");
  await expect(page.getByTestId("account-audit")).toContainText("account.freeze");
  await screenshotBothWidths(page, "admin-accounts", "account-frozen");
  await expectAccessible(page);

  // The customer's dashboard says who froze it and offers no payment that would not help.
  await customerPage.goto("/account");
  await expect(customerPage.getByText("Your apps are frozen by us")).toBeVisible();
  await expect(customerPage.getByTestId("unfreeze-link")).toHaveCount(0);

  // An unknown or malformed id is the ordinary 404 for the operator too.
  for (const path of ["/admin/accounts/acct_0000000000000000000a", "/admin/accounts/not-an-id"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect(problems).toEqual([]);
});
