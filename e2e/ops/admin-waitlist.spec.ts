// The waitlist at launch scale in a browser: search and pages as links (the back button works), a
// bulk approval of two selected entries (with JavaScript and as a plain form post without it), the
// CSV of the filter, a bad parameter answered with a message, and a new invite code copied in one
// click. Screenshots at 375 and 1280 px, light and dark, with axe in both schemes.
import { expectAccessible } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, signIn, test, uniqueEmail } from "../support/signup-fixture";

test.describe("the admin waitlist at scale", () => {
  // Axe twice, a second browser context and four screenshots on a machine shared by many runs.
  test.describe.configure({ timeout: 300_000 });

  test("search, page, select two and approve them; CSV of the filter; a bad parameter is a message", async ({ page, browser, database, operatorEmail }) => {
    const problems = watchForPageErrors(page);
    const tag = `e2escale${Date.now().toString(36)}`;
    const emailOf = (i: number) => `${tag}-${String(i).padStart(2, "0")}@example.test`;
    // 60 entries, one a minute: the newest first fills page 1 with 59..10 and page 2 with 9..0.
    await database.query(
      `insert into waitlist_entries (email, building, link, created_at)
       select $1 || '-' || lpad(i::text, 2, '0') || '@example.test',
              case when i = 3 then 'A quokka-themed chess clock, with "quotes", commas and a very long description that has to wrap on a phone without pushing the page sideways' else 'A shared whiteboard' end,
              case when i = 3 then 'https://example.test/a/very/long/link/that/must/wrap/on/a/small/screen' end,
              now() - make_interval(mins => 60 - i)
       from generate_series(0, 59) as i`,
      [tag],
    );

    await signIn(page, operatorEmail);
    await page.goto(`/admin/waitlist?q=${tag}`);
    const rows = page.getByTestId("waitlist-entry");
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toContainText(emailOf(59));
    await expect(page.getByText("1–50 of 60 entries · page 1 of 2")).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]page=2`));
    await expect(rows).toHaveCount(10);
    await page.goBack();
    await expect(rows).toHaveCount(50);

    // Search by what they build, from the form.
    await page.getByLabel("Search email or what they build").fill("quokka");
    await page.getByLabel("Order").selectOption("oldest");
    await page.getByRole("button", { name: "Show entries" }).click();
    await expect(page).toHaveURL(/q=quokka/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(emailOf(3));

    await page.goto(`/admin/waitlist?q=${tag}&order=oldest`);
    await page.getByRole("checkbox", { name: `Select ${emailOf(0)}` }).check();
    await page.getByRole("checkbox", { name: `Select ${emailOf(1)}` }).check();
    await expect(page.getByTestId("waitlist-selected-count")).toHaveText("2 selected");
    await page.getByRole("button", { name: "Approve selected" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Approved 2 entries; their invitations are on their way." })).toBeVisible({ timeout: 20_000 });
    await expect(rows.filter({ hasText: emailOf(0) })).toHaveCount(0);
    await expect(rows.filter({ hasText: emailOf(1) })).toHaveCount(0);
    const approved = await database.query(`select email from waitlist_entries where email like $1 and status = 'approved' order by email`, [`${tag}-%`]);
    expect(approved.rows.map((row: { email: string }) => row.email)).toEqual([emailOf(0), emailOf(1)]);
    const audit = await database.query(
      `select after->>'count' as count from audit_log
       where action = 'waitlist.bulk-approve' and after->'ids' ? (select id::text from waitlist_entries where email = $1)`,
      [emailOf(0)],
    );
    expect(audit.rows).toEqual([{ count: "2" }]);

    // Select all on the page, then clear it: the count follows.
    await page.getByLabel("Select all on this page").check();
    await expect(page.getByTestId("waitlist-selected-count")).toHaveText("50 selected");
    await page.getByLabel("Select all on this page").uncheck();
    await expect(page.getByTestId("waitlist-selected-count")).toHaveText("0 selected");

    // The same bulk form posts without JavaScript.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await noScript.newPage();
    await plain.goto(`/admin/waitlist?q=${tag}&order=oldest`);
    await plain.getByRole("checkbox", { name: `Select ${emailOf(2)}` }).check();
    await plain.getByRole("button", { name: "Approve selected" }).click();
    await expect(plain.getByText("Approved 1 entry; their invitations are on their way.")).toBeVisible({ timeout: 20_000 });
    await noScript.close();

    // The CSV holds the filter's entries (all pages), quoted.
    const csv = await page.request.get(`/admin/waitlist/export?q=${tag}&status=any&order=oldest`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.trim().split("\r\n")).toHaveLength(61);
    expect(text).toContain(`"A quokka-themed chess clock, with ""quotes"", commas and`);
    expect((await page.request.get(`/admin/waitlist/export?page=0`)).status()).toBe(400);

    // A bad parameter: the page says what was wrong and shows the default view.
    const bad = await page.goto("/admin/waitlist?from=2031-02-30&page=x");
    expect(bad?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "That filter could not be used" })).toContainText("from: must be a real date");

    expect(problems).toEqual([]);
  });

  // Apart from the journey above: axe is slow on a loaded machine, and each test has its own budget.
  test("reads well at 375 and 1280 px in both schemes: a table on a desktop, cards on a phone, no sideways scroll", async ({ page, database, operatorEmail }) => {
    const problems = watchForPageErrors(page);
    const tag = `e2elook${Date.now().toString(36)}`;
    await database.query(
      `insert into waitlist_entries (email, building, link, source, created_at)
       select $1 || '-' || i || '@example.test',
              case when i = 1 then 'A quokka-themed chess clock with a very long description that has to wrap on a phone without pushing the page sideways' else 'A shared whiteboard' end,
              case when i = 1 then 'https://example.test/a/very/long/link/that/must/wrap/on/a/small/screen' end,
              case when i = 2 then 'capacity' else 'form' end,
              now() - make_interval(mins => i)
       from generate_series(1, 4) as i`,
      [tag],
    );
    await signIn(page, operatorEmail);
    await page.goto(`/admin/waitlist?q=${tag}`);
    await expect(page.getByTestId("waitlist-entry")).toHaveCount(4);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scroll at ${width}`).toBeLessThanOrEqual(width);
    }
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "light" });
    await screenshotBothWidths(page, "ops", "admin-waitlist");
    expect(problems).toEqual([]);
  });

  test("a new code is copied with one click (or the keyboard) and shows who redeemed it", async ({ page, database, operatorEmail }) => {
    const problems = watchForPageErrors(page);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, operatorEmail);
    await page.goto("/admin/codes");
    const note = `Copy ${uniqueEmail("n").slice(2, 10)}`;
    await page.getByLabel("Note (optional)").fill(note);
    await page.getByRole("button", { name: "Create code" }).click();
    const code = (await page.getByTestId("new-invite-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^TDM-/);
    await page.getByRole("button", { name: "Copy the invite code" }).click();
    await expect(page.getByRole("button", { name: "Copied the invite code" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: /the invite code$/ }).focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expectAccessible(page);
    await screenshotBothWidths(page, "ops", "admin-codes-new");

    // A redemption (the invite the code made) shows with its email and time.
    const redeemer = uniqueEmail("redeemer");
    await database.query(`insert into invites (email, source, invite_code_id) select $1, 'code', id from invite_codes where note = $2`, [redeemer, note]);
    await page.reload();
    const row = page.getByTestId("invite-code-row").filter({ hasText: note });
    await expect(row.getByTestId("code-redemptions")).toContainText("Redeemed by 1 person");
    await expect(row.getByTestId("code-redemptions")).toContainText(redeemer);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "light" });
    await screenshotBothWidths(page, "ops", "admin-codes-redemptions");
    expect(problems).toEqual([]);
  });
});
