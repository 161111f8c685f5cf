import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { createPlatformToken, expectAccessible, sendUsage, signInNewPerson } from "./account-steps";

// The monthly statement in Chromium (issue 20): "Download PDF" on the statement page gives this month
// so far as a PDF whose closing balance is the page's balance now; the download route refuses a bad
// month (400), a month not begun (404) and a stranger (401) in the documented error shape; the owner's
// switch on the settings page and a billing contact's. axe on both pages, screenshots at 375 and 1280 px, light and dark.
test.describe("monthly statement", () => {
  test.describe.configure({ timeout: 240_000 });

  test("download this month's PDF, refuse bad months, switch the email off", async ({
    page,
    invite,
    database,
    request,
  }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "monthly-statement");
    const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
    const token = await createPlatformToken(database);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    await sendUsage(request, token, [
      { id: `e2e-ms:${account}:a`, account, space: "whiteboard", hour, cpu_ms: 7_654_321, messages: 12_345 },
      { id: `e2e-ms:${account}:b`, account, space: "chess-club", hour, cpu_ms: 1_234_567 },
    ]);

    await page.goto("/account/statement");
    const month = new Date().toISOString().slice(0, 7);
    const select = page.getByRole("combobox", { name: "Monthly statement" });
    await expect(select.locator("option")).toContainText([/\(so far\)/]);
    await select.selectOption(month);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tandem-statement-${month}.pdf`);
    const bytes = await readFile(await download.path());
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text).toContain(account);
    expect(text).toMatch(/, so far/);
    expect(text).toContain("whiteboard");
    expect(text).toContain("chess-club");
    const balance = (await page.getByTestId("statement-current-balance").textContent())!.trim();
    expect(text).toMatch(new RegExp(`Closing balance ${balance.replace(/[$.]/g, "\\$&")}`));
    await expectAccessible(page);
    await screenshotBothWidths(page, "account", "statement-with-pdf");

    // The route's answers to what a person or a stranger can type.
    const bad = await page.request.get("/account/statement/pdf?month=2026-13");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    const future = await page.request.get("/account/statement/pdf?month=2999-01");
    expect(future.status()).toBe(404);
    const stranger = await request.get(`/account/statement/pdf?month=${month}`);
    expect(stranger.status()).toBe(401);
    const good = await page.request.get(`/account/statement/pdf?month=${month}`);
    expect(good.headers()["content-type"]).toBe("application/pdf");
    expect(good.headers()["content-disposition"]).toBe(`attachment; filename="tandem-statement-${month}.pdf"`);

    await page.goto("/account/settings");
    const panel = page.getByRole("region", { name: "Monthly statement" });
    const box = panel.getByRole("checkbox", { name: /Email me the statement/ });
    await expect(box).toBeChecked();
    await box.uncheck();
    await panel.getByRole("button", { name: "Save statement choice" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Monthly statements off." })).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("region", { name: "Monthly statement" }).getByRole("checkbox", { name: /Email me the statement/ }),
    ).not.toBeChecked();
    // A confirmed billing contact gets the statement only once the owner turns it on for them.
    const contact = `finance-${Date.now()}@example.test`;
    await database.query(
      `insert into billing_contacts (account_id, email, confirmation_sent_at, confirmed_at) values ($1, $2, now(), now())`,
      [account, contact],
    );
    await page.reload();
    const row = page.getByTestId("billing-contact").filter({ hasText: contact });
    await expect(row).not.toContainText("Gets the monthly statement");
    await row.getByRole("button", { name: `Send monthly statement for ${contact}` }).click();
    await expect(row).toContainText("Gets the monthly statement");
    await expect(row.getByRole("button", { name: `Stop monthly statement for ${contact}` })).toBeVisible();
    const saved = await database.query<{ monthly_statement: boolean }>(
      `select monthly_statement from billing_contacts where email = $1`,
      [contact],
    );
    expect(saved.rows[0]?.monthly_statement).toBe(true);
    await expectAccessible(page);
    await screenshotBothWidths(page, "account", "settings-with-statement");
    expect(problems).toEqual([]);
  });
});
