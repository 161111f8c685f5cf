// Issue 18, "Platform tokens": an operator creates a token with a scope, sees its secret once (and can
// copy it), then rotates it with a grace period: the old secret keeps working, the successor is shown
// once, and revoking the old one stops it at once.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expectAccessible } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, signIn, test } from "../support/signup-fixture";

// Sign-in, two axe runs and eight full-page screenshots: past two minutes on the loaded two-core machine.
test.describe.configure({ timeout: 240_000 });

const ingest = (request: APIRequestContext, secret: string) =>
  request.post("/api/billing/v1/usage", { headers: { authorization: `Bearer ${secret}` }, data: { records: [] } });
const readStanding = (request: APIRequestContext, secret: string) =>
  request.get("/api/billing/v1/accounts/acct_e2enobody/standing", { headers: { authorization: `Bearer ${secret}` } });

test("an operator creates a token, sees it once, rotates it with a grace and revokes the old one", async ({
  page,
  operatorEmail,
}) => {
  const problems = watchForPageErrors(page);
  const name = `e2e-fleet-${randomUUID().slice(0, 8)}`;
  await signIn(page, operatorEmail);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Platform tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Platform tokens" })).toBeVisible();
  await expect(page).toHaveTitle("Platform tokens · Admin · Tandem");

  // No scope: refused on the form, nothing made.
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /ingest/ }).uncheck();
  await page.getByRole("checkbox", { name: /read/ }).uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  // The refused form keeps what the operator chose (a form reset would tick both again).
  await expect(page.getByRole("checkbox", { name: /read/ })).not.toBeChecked();
  await expect(page.getByLabel("Name")).toHaveValue(name);

  // An ingest-only token: its secret shown once, with a copy button.
  await page.getByRole("checkbox", { name: /ingest/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-platform-token");
  await expect(shown).toHaveText(/^ptk_[0-9A-Za-z]{40}$/);
  const secret = (await shown.textContent())!;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // It works on the billing API for what its scope allows, and only that.
  expect((await ingest(page.request, secret)).status()).toBe(200);
  const forbidden = await readStanding(page.request, secret);
  expect(forbidden.status()).toBe(403);
  expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("forbidden");

  // Shown once: after a reload the page holds only its prefix, and the row says it was used.
  await page.reload();
  await expect(page.getByTestId("new-platform-token")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(4));
  const rows = page.getByTestId("platform-token-row").filter({ hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${secret.slice(0, 10)}…`);
  await expect(rows.first()).toContainText("scopes ingest");
  await expect(rows.first()).toContainText(`by ${operatorEmail}`);
  await expect(rows.first()).toContainText(/last used .* from /);
  await expect(rows.first()).toContainText("Active");

  // Rotate with a one-hour grace: a successor shown once, the old one still working until then.
  const label = `${name} (${secret.slice(0, 10)}…)`;
  const oldRow = rows.filter({ hasText: secret.slice(0, 10) });
  await oldRow.getByLabel("Old token stops").selectOption({ label: "In 1 hour" });
  await oldRow.getByRole("button", { name: `Rotate ${label}` }).click();
  const successorShown = page.getByTestId("rotated-platform-token");
  await expect(successorShown).toHaveText(/^ptk_[0-9A-Za-z]{40}$/);
  const successor = (await successorShown.textContent())!;
  expect(successor).not.toBe(secret);
  await expect(page.getByRole("status").filter({ hasText: "The old token works until" })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(oldRow).toContainText(/Expires \d+ \w+ \d{4}/);
  // The successor's secret is revealed inside the old row, so its own row is the one without the old prefix.
  await expect(rows.filter({ hasText: successor.slice(0, 10), hasNotText: secret.slice(0, 10) })).toContainText(
    "Active",
  );
  expect((await ingest(page.request, secret)).status()).toBe(200);
  expect((await ingest(page.request, successor)).status()).toBe(200);

  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });
  await screenshotBothWidths(page, "ops", "admin-tokens-rotated");

  // Revoke the old one: it answers 401 at once; the successor carries on.
  await oldRow.getByRole("button", { name: `Revoke ${label}` }).click();
  await expect(oldRow).toContainText("Revoked");
  expect((await ingest(page.request, secret)).status()).toBe(401);
  expect((await ingest(page.request, successor)).status()).toBe(200);

  await page.goto("/admin/audit");
  for (const action of ["platform-token.create", "platform-token.rotate", "platform-token.revoke"])
    await expect(page.getByTestId("audit-entry").filter({ hasText: action }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
