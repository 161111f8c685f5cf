// Issue 18, "Rate cards": an operator drafts a card, shadow-bills last month, publishes it for
// tomorrow, and the pricing page and its calculator show it as upcoming; the raise is emailed once.
//
// It is also the check that a published card reaches the prerendered pricing page without a redeploy,
// and that the regenerated page (new inline data, served from Next's cache) still runs under the strict
// CSP with an interactive calculator. That was e2e/site/pricing-revalidation.spec.ts, which published
// with `npm run rates:publish`; the e2e database is shared and cards are published in the order of
// their hours, so two specs publishing cards would refuse each other. The tool keeps its integration test.
import type { Page } from "@playwright/test";
import { expectAccessible, signInNewPerson, createPlatformToken, sendUsage } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { watchForCspViolations } from "../site/site-support";
import { expect, mailTo, newPerson, signIn, test } from "../support/signup-fixture";

// Slow on a shared two-core machine: four pages, each checked by axe and captured eight times.
test.describe.configure({ timeout: 600_000 });

const day = (date: Date) =>
  date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

async function checkBothSchemes(page: Page, name: string) {
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(page, "admin-rates", name);
}

test("an operator drafts a card, shadow-bills last month, publishes it for tomorrow, and /pricing shows it upcoming", async ({
  page,
  browser,
  invite,
  database,
  request,
  operatorEmail,
}) => {
  // A customer with usage last month (UTC): its last day, well within the billing API's lateness bound.
  const customerPage = await newPerson(browser);
  const customer = await signInNewPerson(customerPage, invite, "rates-customer");
  await customerPage.context().close();
  const accountRow = await database.query<{ id: string }>(
    `select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`,
    [customer],
  );
  const account = accountRow.rows[0]!.id;
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0, 12)).toISOString();
  await sendUsage(request, await createPlatformToken(database), [
    { id: `e2e:rates:${account}`, account, space: "rated", hour: lastMonth, messages: 4_000_000 },
  ]);

  const problems = watchForPageErrors(page);
  await signIn(page, operatorEmail);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Rate cards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rate cards" })).toBeVisible();
  await expect(page.getByTestId("card-in-force")).toContainText("$0.25 per million messages");
  await checkBothSchemes(page, "rates");

  // Draft: messages from $0.25 to $0.30 per million.
  await page.getByLabel("Name").fill("E2E messages up");
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draft: E2E messages up" })).toBeVisible();
  const messages = page.getByLabel("Messages, $ per million messages");
  await expect(messages).toHaveValue("0.25");
  await messages.fill("0.0000001");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/at most 6 decimal places/)).toBeVisible();
  await messages.fill("0.30");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText(/Draft saved/);
  const preview = page.getByTestId("draft-preview");
  await expect(preview).toContainText("$0.30 per million messages");
  await expect(preview).toContainText("was $0.25 per million messages");
  await checkBothSchemes(page, "draft");

  // Shadow bill: 4 million messages cost $1.00 and would cost $1.20.
  await page.getByRole("link", { name: "Shadow-bill last month" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shadow bill: E2E messages up" })).toBeVisible();
  const row = page.getByTestId("shadow-row").filter({ hasText: customer });
  await expect(row).toContainText("$1.00");
  await expect(row).toContainText("$1.20");
  await expect(row).toContainText("+$0.20");
  await checkBothSchemes(page, "shadow-bill");

  // Publish for tomorrow (the form's suggestion); first a past hour, refused with a clear error.
  await page.getByRole("link", { name: "Back to the draft" }).click();
  const effective = page.getByLabel("Takes effect from (UTC)");
  const tomorrow = await effective.inputValue();
  await effective.fill("2020-01-01T00:00");
  await page.getByRole("button", { name: "Publish" }).click();
  // Next's route announcer is an alert too: the form's own is the one with the refusal.
  await expect(page.getByRole("alert").filter({ hasText: /only take effect in the future/ })).toBeVisible();
  await effective.fill(tomorrow);
  await page.getByRole("button", { name: "Publish" }).click();
  // The published draft's page replaces its form with the record of what it became.
  const record = page.getByText(/^Published as rate card v\d+; kept as its record\.$/);
  await expect(record).toBeVisible();
  const version = /v(\d+)/.exec((await record.textContent()) ?? "")![1]!;

  await page.goto("/admin/rates");
  await expect(page.getByTestId("card-scheduled")).toContainText(`Scheduled: v${version}`);
  await checkBothSchemes(page, "rates-scheduled");

  // The pricing page regenerates within its 15 s: the upcoming card, its date, the calculator on it.
  const from = day(new Date(`${tomorrow}:00Z`));
  await expect
    .poll(
      async () => (await (await request.get("/pricing")).text()).includes(`Rate card v${version} takes effect then`),
      {
        timeout: 60_000,
        intervals: [2_000],
      },
    )
    .toBe(true);
  const violations = await watchForCspViolations(page);
  await page.goto("/pricing");
  await expect(page.getByTestId("upcoming-card")).toContainText(`New prices from ${from}`);
  await expect(page.getByTestId("upcoming-card")).toContainText(`v${version}`);
  await expect(page.getByRole("table", { name: `Rate card version ${version}, upcoming` })).toContainText("$0.30");
  await expect(page.getByTestId("calculator-upcoming")).toContainText(`From ${from}: $`);
  const total = page.getByTestId("calculator-total");
  const before = await total.textContent();
  await page.getByRole("form", { name: "Your app's usage" }).getByLabel("Messages per user per day").fill("900000");
  await expect(total).not.toHaveText(before ?? "");
  expect(await violations()).toEqual([]);
  await checkBothSchemes(page, "pricing-upcoming");

  // One email to the customer about the raise (sent by the site's email sweep).
  const subject = `Tandem prices change on ${from}`;
  await expect
    .poll(
      async () => (await mailTo(customer)).filter((mail) => (mail as { subject?: string }).subject === subject).length,
      {
        timeout: 90_000,
        intervals: [3_000],
      },
    )
    .toBe(1);
  expect(problems).toEqual([]);
});
