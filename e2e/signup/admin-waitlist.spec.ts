import { expectAccessible } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { expect, screenshots, signIn, test, uniqueEmail } from "../support/signup-fixture";

// Someone turned away at the account cap lands on the waitlist with an "At capacity" badge; the badge
// is the one place the admin area shows the warn tone, so it is checked with axe in both schemes.
test("the admin waitlist shows who the account cap turned away, readably in both colour schemes", async ({
  page,
  database,
  operatorEmail,
}, testInfo) => {
  // Sign-in, axe twice and screenshots in two schemes: about 20 s idle, past the 30 s default under load.
  test.setTimeout(90_000);
  const path = (name: string) => testInfo.outputPath(name);
  const problems = watchForPageErrors(page);
  const turnedAway = uniqueEmail("capped");
  await database.query(`insert into waitlist_entries (email, building, source) values ($1, '', 'capacity')`, [turnedAway]);

  await signIn(page, operatorEmail);
  await page.goto("/admin/waitlist");
  const entry = page.getByTestId("waitlist-entry").filter({ hasText: turnedAway });
  await expect(entry.getByText("At capacity", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await screenshots(page, path, "admin-waitlist-capacity-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await screenshots(page, path, "admin-waitlist-capacity");
  expect(problems).toEqual([]);
});
