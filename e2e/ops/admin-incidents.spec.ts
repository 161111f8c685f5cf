import { formatCents } from "@/lib/format/money";
import { createPlatformToken, expectAccessible, sendUsage, signInNewPerson } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, newPerson, signIn, test } from "../support/signup-fixture";

// Issue 18, "Incidents": an operator declares an outage of one customer space, sees what its usage
// cost, credits it once, and the customer finds the credit, titled, on their statement.
// Four pages screenshotted at two widths in two schemes: slow on a shared 2-core machine.
test.describe.configure({ timeout: 480_000 });

const HOUR = 3_600_000;
const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
const isoHour = (hoursAgo: number) => new Date(thisHour - hoursAgo * HOUR).toISOString();
// What a datetime-local input holds: minutes, no zone (the form reads it as UTC).
const localUtc = (ms: number) => new Date(ms).toISOString().slice(0, 16);

test("an operator declares an incident, previews it, credits it once, and the customer sees the credit", async ({
  page,
  invite,
  database,
  request,
  browser,
  operatorEmail,
}) => {
  const problems = watchForPageErrors(page);
  await signInNewPerson(page, invite, "incident-customer");
  const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
  const token = await createPlatformToken(database);
  // $1 of calls an hour (plus CPU) in the whiteboard 5, 3 and 2 hours ago, and in another space 3 hours ago.
  const record = (space: string, hoursAgo: number) => ({
    id: `e2e-incident:${account}:${space}:${hoursAgo}`,
    account,
    space,
    hour: isoHour(hoursAgo),
    third_party_calls: 5_000,
    cpu_ms: 1_234_567,
  });
  await sendUsage(request, token, [record("whiteboard", 5)]);
  await sendUsage(request, token, [record("whiteboard", 3), record("chess-club", 3)]);
  await sendUsage(request, token, [record("whiteboard", 2)]);

  const operator = await newPerson(browser);
  const operatorProblems = watchForPageErrors(operator);
  await signIn(operator, operatorEmail);
  await operator.goto("/admin");
  await operator.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Incidents" }).click();
  await expect(operator.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await operator.getByRole("link", { name: "Declare an incident" }).click();
  await expect(operator.getByRole("heading", { level: 1, name: "Declare an incident" })).toBeVisible();

  const title = `Whiteboard stalled ${account.slice(-6)}`;
  await operator.getByLabel("Title").fill(title);
  await operator.getByLabel("What happened (optional)").fill("Hosts in one region could not reach the database.");
  // From 3h50 to 1h40 ago: the hours 3 and 2 ago are touched, so credited whole; 5 ago is not.
  await operator.getByLabel("Start (UTC)").fill(localUtc(thisHour - 3 * HOUR + 10 * 60_000));
  await operator.getByLabel("End (UTC)").fill(localUtc(thisHour - 2 * HOUR + 20 * 60_000));
  await operator.getByLabel("The spaces listed below").check();
  await operator.getByLabel("Spaces (account/space, one a line)").fill(`${account}/whiteboard`);
  await expectAccessible(operator);
  await screenshotBothWidths(operator, "ops", "admin-incident-new");
  await operator.getByRole("button", { name: "Declare incident" }).click();

  await expect(operator).toHaveURL(/\/admin\/incidents\/\d+$/);
  await expect(operator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(operator.getByTestId("incident-hours")).toContainText(" to ");
  const row = operator.getByTestId("incident-credit-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(account);
  // Exactly what the whiteboard's two hours were billed, as rating stored it per record.
  const billed = await database.query<{ micros: string }>(
    `select sum(cost_micros)::text as micros from meter_records where id = any($1)`,
    [[`e2e-incident:${account}:whiteboard:3`, `e2e-incident:${account}:whiteboard:2`]],
  );
  const credit = formatCents(BigInt(billed.rows[0]!.micros));
  expect(credit).toMatch(/^\$2\.\d\d$/);
  await expect(row.getByTestId("incident-credit-amount")).toHaveText(credit);
  await expectAccessible(operator);
  await operator.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(operator);
  await operator.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(operator, "ops", "admin-incident-preview");

  await operator.getByRole("button", { name: `Credit 1 account ${credit}` }).click();
  await expect(operator.getByTestId("incident-status")).toContainText("Credited");
  await expect(operator.getByRole("status").filter({ hasText: `${credit} credited to 1 account` })).toBeVisible();
  await operator.getByRole("link", { name: "Draft changelog entry" }).click();
  const draft = operator.getByLabel(/^Draft for content\/changelog\//);
  await expect(draft).toHaveValue(new RegExp(`title: "${title}"[\\s\\S]*has been credited back`));
  await expectAccessible(operator);
  await operator.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(operator);
  await operator.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(operator, "ops", "admin-incident-credited");
  await operator.goto("/admin/incidents");
  await expect(operator.getByTestId("incident-row").filter({ hasText: title })).toContainText("Credited");
  await screenshotBothWidths(operator, "ops", "admin-incidents");

  // The customer's statement: one credit line with the incident's title and the amount.
  await page.goto("/account/statement");
  const line = page.locator('[data-testid="statement-row"][data-kind="incident_credit"]');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("Incident credit");
  await expect(line).toContainText(title);
  await expect(line.getByTestId("statement-amount")).toContainText(`+${credit}`);
  await screenshotBothWidths(page, "ops", "statement-incident-credit");
  expect(problems).toEqual([]);
  expect(operatorProblems).toEqual([]);
});
