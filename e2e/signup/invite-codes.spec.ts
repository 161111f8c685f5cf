import { watchForPageErrors } from "../support/page-errors";
import { expect, mailTo, newPerson, screenshots, signIn, test, uniqueEmail, waitForLink, waitForMailText } from "../support/signup-fixture";

test.describe("invite codes", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a code with one use left admits one person and refuses the next", async ({ page, browser, operatorEmail }, testInfo) => {
    const path = (name: string) => testInfo.outputPath(name);
    const problems = watchForPageErrors(page);
    await signIn(page, operatorEmail);
    await page.goto("/admin/codes");
    const note = `Meetup ${uniqueEmail("n").slice(2, 10)}`;
    await page.getByLabel("Uses").fill("1");
    await page.getByLabel("Valid for (days)").fill("7");
    await page.getByLabel("Note (optional)").fill(note);
    await page.getByRole("button", { name: "Create code" }).click();
    const code = (await page.getByTestId("new-invite-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^TDM-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByTestId("invite-code-row").filter({ hasText: note })).toContainText("1 use left");
    await screenshots(page, path, "admin-codes");
    // Shown once: a reload shows the code's row, never the code.
    await page.reload();
    await expect(page.getByTestId("new-invite-code")).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(code);

    const first = await newPerson(browser);
    const firstProblems = watchForPageErrors(first);
    const firstEmail = uniqueEmail("first");
    await first.goto("/invite");
    await screenshots(first, path, "invite");
    await first.getByLabel("Invite code").fill(code.toLowerCase());
    await first.getByLabel("Email address").fill(firstEmail);
    await first.getByRole("button", { name: "Redeem code" }).click();
    await expect(first).toHaveURL(/\/invite\/sent$/);

    const second = await newPerson(browser);
    const secondEmail = uniqueEmail("second");
    await second.goto("/invite");
    await second.getByLabel("Invite code").fill(code);
    await second.getByLabel("Email address").fill(secondEmail);
    await second.getByRole("button", { name: "Redeem code" }).click();
    await expect(second.locator("#redeem-error")).toHaveText("That invite code has been used up.");
    await expect(second).toHaveURL(/\/invite$/);

    await waitForMailText(firstEmail, "Your invitation to Tandem");
    await first.goto(await waitForLink(firstEmail));
    await expect(first).toHaveURL(/\/account$/);
    await expect(first.getByTestId("balance")).toHaveText("$5.00");
    expect(await mailTo(secondEmail)).toHaveLength(0);

    await page.reload();
    await expect(page.getByTestId("invite-code-row").filter({ hasText: note })).toContainText("Used up");
    expect(problems).toEqual([]);
    expect(firstProblems).toEqual([]);
    await first.context().close();
    await second.context().close();
  });
});
