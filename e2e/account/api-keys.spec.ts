import { expect, test } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expectAccessible, signInNewPerson } from "./account-steps";

// Personal API keys in Chromium (issue 19 part 6): created in settings and shown once with a Copy
// button, used from a script (Playwright's request) to read the balance, revoked after a confirming
// click, and refused on the very next call. axe-clean and usable at 375 px.
test.describe("personal API keys", () => {
  test.describe.configure({ timeout: 180_000 });

  test("create a key, read the balance with it, revoke it, and it is refused at once", async ({
    page,
    invite,
    request,
  }) => {
    const problems = watchForPageErrors(page);
    await signInNewPerson(page, invite, "api-keys");
    const account = (await page.getByTestId("billing-account-id").textContent())!.trim();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/account/settings");

    const panel = page.getByTestId("api-keys-panel");
    await expect(panel.getByText("No keys yet.")).toBeVisible();
    await panel.getByLabel("Key name").fill("balance-watcher");
    await panel.getByRole("button", { name: "Create key" }).click();
    const shown = panel.getByTestId("new-api-key");
    await expect(shown).toHaveText(/^tpk_[A-Za-z0-9_-]{43}$/);
    const key = (await shown.textContent())!;
    await expect(panel.getByText(/shown only this once/)).toBeVisible();
    await panel.getByRole("button", { name: "Copy" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await expect(panel.getByTestId("api-key-row")).toHaveCount(1);
    await expect(panel.getByTestId("api-key-row")).toContainText(key.slice(0, 10));
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await expectAccessible(page);
    await screenshotBothWidths(page, "account", "api-keys-created");

    // A script reads the balance with it; the dashboard shows the same balance.
    const authorization = `Bearer ${key}`;
    const read = await request.get(`/api/account/v1/accounts/${account}`, { headers: { authorization } });
    expect(read.status(), await read.text()).toBe(200);
    const body = (await read.json()) as { account: string; balance_micros: string; state: string };
    expect(body).toMatchObject({ account, state: "active" });
    expect(BigInt(body.balance_micros)).toBeGreaterThan(0n);
    const write = await request.post(`/api/account/v1/accounts/${account}`, { headers: { authorization }, data: {} });
    expect(write.status()).toBe(403);

    // Shown once: after a reload only the name and prefix remain, with its last use.
    await page.reload();
    await expect(page.getByText(key)).toHaveCount(0);
    const row = panel.getByTestId("api-key-row");
    await expect(row).toContainText("balance-watcher");
    await expect(row).toContainText("last used");

    await row.locator("summary").click();
    await expect(row.getByText(/stop working at once/)).toBeVisible();
    await expectAccessible(page);
    await screenshotBothWidths(page, "account", "api-keys-revoke");
    await row.getByRole("button", { name: "Yes, revoke balance-watcher" }).click();
    await expect(panel.getByTestId("api-key-row")).toHaveCount(0);
    const refused = await request.get(`/api/account/v1/accounts/${account}`, { headers: { authorization } });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect(problems).toEqual([]);
  });
});
