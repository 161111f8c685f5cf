import path from "node:path";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { exactTitle, formatCents } from "@/lib/format/money";
import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { createPlatformToken, expectAccessible, parseCsv, sendUsage, signInNewPerson } from "./account-steps";

// The account area in Chromium: a new account's empty states, then usage through the billing API
// agreeing to the micro-dollar on the dashboard, usage page, statement and CSV files.
test.describe("account area", () => {
  // Each page is photographed four times (two widths, two colour schemes: e2e/support/screenshots.ts).
  test.describe.configure({ timeout: 480_000 });

  const PAGES = [
    { path: "/account", name: "dashboard", heading: "Your account" },
    { path: "/account/usage", name: "usage", heading: "Usage" },
    { path: "/account/statement", name: "statement", heading: "Statement" },
    { path: "/account/spaces", name: "spaces", heading: "Spaces" },
    { path: "/account/billing", name: "billing", heading: "Billing" },
    { path: "/account/settings", name: "settings", heading: "Settings" },
    { path: "/account/invites", name: "invites", heading: "Invite others" },
  ];

  test("a new account sees its $5 grant, empty states, and accessible pages at both widths", async ({ page, invite }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "account-new");
    await expect(page.getByTestId("balance")).toHaveText("$5.00");
    await expect(page.getByTestId("runway")).toHaveText("Not enough history yet");
    await expect(page.getByTestId("empty-state")).toHaveCount(2);
    for (const entry of PAGES) {
      await page.goto(entry.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(entry.heading);
      if (entry.path !== "/account/invites") await expect(page.getByRole("link", { name: entry.heading === "Your account" ? "Overview" : entry.heading, exact: true })).toHaveAttribute("aria-current", "page");
      await expectAccessible(page);
      await screenshotBothWidths(page, "account", `new-${entry.name}`);
    }
    await page.goto("/account/statement");
    await expect(page.getByTestId("statement-row")).toHaveCount(1);
    await expect(page.getByTestId("statement-row")).toContainText("Grant");
    await expect(page.getByTestId("statement-amount")).toContainText("+$5.00");
    await page.goto("/account/usage");
    await expect(page.getByTestId("empty-state")).toContainText("No usage in this range");
    // Dark mode follows the system: the dashboard keeps its contrast there too.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/account");
    await expectAccessible(page);
    await page.screenshot({ path: path.resolve("test-results", "account", "new-dashboard-dark-1280.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  async function downloadCsv(page: Page, name: string): Promise<Array<Record<string, string>>> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^tandem-${name}.*\\.csv$`));
    return parseCsv(await readFile(await download.path(), "utf8"));
  }

  test("an unknown account URL answers 404 inside the account area, with a way back", async ({ page, invite }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/account/no-such-page"] });
    await signInNewPerson(page, invite, "account-404");
    const response = await page.goto("/account/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist.");
    await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
    await screenshotBothWidths(page, "account", "not-found");
    await page.getByRole("link", { name: "Back to your account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    expect(problems).toEqual([]);
  });

  test("a refused settings save keeps what was typed beside the reason, and a good one keeps the saved value", async ({ page, invite }) => {
    await signInNewPerson(page, invite, "settings-keep");
    await page.goto("/account/settings");
    const threshold = page.getByLabel("Alert me at (US dollars)");
    await threshold.fill("12.345");
    await page.getByRole("button", { name: "Save alert amount" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "an amount in dollars" })).toBeVisible();
    await expect(threshold).toHaveValue("12.345");
    await threshold.fill("12.50");
    await page.getByRole("button", { name: "Save alert amount" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Low-balance alert set to $12.50." })).toBeVisible();
    await expect(threshold).toHaveValue("12.50");
    await page.reload();
    await expect(threshold).toHaveValue("12.50");
  });

  test("usage through the billing API agrees to the micro-dollar on every page and in the CSV files", async ({ page, invite, database, request }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "account-usage");
    const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const token = await createPlatformToken(database);
    await sendUsage(request, token, [
      { id: `e2e:${account}:1`, account, space: "whiteboard", hour, cpu_ms: 1_234_567, messages: 98_765, bandwidth_bytes: 123_456_789 },
      { id: `e2e:${account}:2`, account, space: "chess-club", hour, cpu_ms: 7_654_321, connections: 17, third_party_calls: 4_321 },
    ]);

    // The statement shows cents with the exact amount in a title (issue 17); the CSV keeps the micros.
    await page.goto("/account/statement?type=usage");
    const statementCsv = await downloadCsv(page, "statement");
    expect(statementCsv.map((row) => row.type)).toEqual(["usage"]);
    const billed = -BigInt(statementCsv[0]!.amount_micros!);
    expect(billed).toBeGreaterThan(0n);
    const balance = 5_000_000n - billed;
    await expect(page.getByTestId("statement-amount")).toContainText(formatCents(-billed));
    await expect(page.getByTestId("statement-balance")).toContainText(formatCents(balance));
    await expect(page.getByTestId("statement-current-balance")).toHaveText(formatCents(balance));
    expect(statementCsv[0]!.balance_after_micros).toBe(balance.toString());

    await page.goto("/account");
    // Issue 17: amounts a person reads are cents (half to even), the exact value in the title.
    await expect(page.getByTestId("month-to-date")).toHaveText(formatCents(billed));
    await expect(page.getByTestId("runway")).toHaveText("Not enough history yet");

    await page.goto("/account/usage?range=24h&group=space");
    await expect(page.getByTestId("usage-total")).toHaveText(formatCents(billed));
    await expect(page.getByTestId("usage-total")).toHaveAttribute("title", exactTitle(billed) ?? "");
    await screenshotBothWidths(page, "account", "used-usage");
    const usageCsv = await downloadCsv(page, "usage");
    expect(new Set(usageCsv.map((row) => row.space))).toEqual(new Set(["whiteboard", "chess-club"]));
    expect(usageCsv.find((row) => row.space === "whiteboard" && row.resource === "messages")?.units).toBe("98765");
    expect(usageCsv.reduce((sum, row) => sum + BigInt(row.cost_micros!), 0n)).toBe(billed);
    await expect(page.getByTestId("usage-rows").locator("tbody tr")).toHaveCount(usageCsv.length);

    await page.goto("/account/spaces");
    await expect(page.getByTestId("space-row")).toHaveCount(2);
    expect(problems).toEqual([]);
  });
});
