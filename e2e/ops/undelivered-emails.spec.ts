import { randomUUID } from "node:crypto";
import type pg from "pg";
import { expectAccessible } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { expect, mailTo, screenshots, signIn, test, uniqueEmail } from "../support/signup-fixture";

// The site's own sweep (every 30 s, lib/jobs/start-jobs.ts) sends a retried email, so this waits for it.
test.describe.configure({ timeout: 120_000 });

/**
 * A customer whose frozen and low-balance emails were given up on (every allowed try failed, as an SMTP
 * outage leaves them) and whose return to active is still being retried. Written straight to the
 * database, as the other specs seed, since a day of real failures is out of reach here.
 */
async function customerWithUndeliveredEmails(database: pg.Pool): Promise<string> {
  const email = uniqueEmail("undelivered");
  const userId = randomUUID();
  const accountId = `acct_e2e${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await database.query(`insert into "user" (id, email, "emailVerified") values ($1, $2, now())`, [userId, email]);
  await database.query(`insert into billing_accounts (id, owner_user_id) values ($1, $2)`, [accountId, userId]);
  // Every email owed is an email_outbox row, keyed by the event that owes it.
  await database.query(
    `insert into email_outbox (idempotency_key, template, to_address, subject, text_body, account_id, attempts, last_attempt_at, created_at) values
      ($1 || ':low', 'standing-low', $2, 'Your Tandem balance is low', 'low', $1, 20, now() - interval '50 minutes', now() - interval '1 day 2 hours'),
      ($1 || ':frozen', 'standing-frozen', $2, 'Your Tandem apps are frozen', 'frozen', $1, 20, now() - interval '10 minutes', now() - interval '1 day'),
      ($1 || ':active', 'standing-active', $2, 'Your Tandem account is in good standing', 'active', $1, 3, now(), now() - interval '5 minutes')`,
    [accountId, email],
  );
  return email;
}

test("an operator sees the emails the site gave up on and sends one again", async ({
  page,
  browser,
  database,
  operatorEmail,
}, testInfo) => {
  const path = (name: string) => testInfo.outputPath(name);
  const problems = watchForPageErrors(page);
  const customer = await customerWithUndeliveredEmails(database);
  await signIn(page, operatorEmail);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Undelivered emails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Undelivered emails" })).toBeVisible();

  const rows = page.getByTestId("undelivered-email").filter({ hasText: customer });
  await expect(rows).toHaveCount(2);
  // Newest first: the frozen email was owed after the low-balance one.
  await expect(rows.nth(0)).toContainText("Standing change: frozen");
  await expect(rows.nth(1)).toContainText("Standing change: low balance");
  await expect(rows.nth(0)).toContainText("Tries:20");
  await expectAccessible(page);
  await screenshots(page, path, "admin-undelivered-emails");
  // Dark mode follows the system.
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await screenshots(page, path, "admin-undelivered-emails-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // A second tab, left open on the same list, goes stale when the first retries.
  const stale = await page.context().newPage();
  await stale.goto("/admin/emails");

  // By keyboard: focus the row's button and press Enter.
  const retryFrozen = page.getByRole("button", { name: `Try again: Standing change: frozen email to ${customer}` });
  await retryFrozen.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(/The standing email is due again/);
  await expect(rows).toHaveCount(1);
  await screenshots(page, path, "admin-undelivered-emails-retried");

  // The stale tab's button for the same email changes nothing and says why: it is due again, or, if the
  // site's 30-second sweep came in between, already delivered.
  await stale.getByRole("button", { name: `Try again: Standing change: frozen email to ${customer}` }).click();
  await expect(stale.getByRole("alert").filter({ hasText: /^That email / })).toHaveText(
    /^That email (is already due again: the next sweep sends it|was already delivered, so there is nothing to try again)\.$/,
  );
  await stale.close();

  // Without JavaScript the button is a plain form POST, and works the same.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/admin/emails");
  await plain.getByRole("button", { name: `Try again: Standing change: low balance email to ${customer}` }).click();
  await expect(plain.getByRole("status")).toHaveText(/The standing email is due again/);
  await expect(plain.getByTestId("undelivered-email").filter({ hasText: customer })).toHaveCount(0);
  await noScript.close();

  // After an outage, every email given up on at once: another customer's two.
  const another = await customerWithUndeliveredEmails(database);
  await page.goto("/admin/emails");
  await expect(page.getByTestId("undelivered-email").filter({ hasText: another })).toHaveCount(2);
  await page.getByRole("button", { name: /^Try all \d+ again$/ }).click();
  await expect(page.getByRole("status")).toHaveText(/^2 emails are due again/);
  await expect(page.getByTestId("undelivered-email")).toHaveCount(0);
  await expect(page.getByText("No email has been given up on.")).toBeVisible();

  // The site's next sweep delivers all four, once each; the ones still being retried are not due yet.
  const subjects = async (address: string) =>
    (await mailTo(address)).map((mail) => (mail as { subject?: string }).subject).sort();
  for (const address of [customer, another])
    await expect
      .poll(() => subjects(address), { timeout: 75_000, intervals: [1_000] })
      .toEqual(["Your Tandem apps are frozen", "Your Tandem balance is low"]);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "email.retry" }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
