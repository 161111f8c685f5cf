import { watchForPageErrors } from "../support/page-errors";
import { expect, mailTo, newPerson, screenshots, signIn, test, uniqueEmail, waitForLink, waitForMailText } from "../support/signup-fixture";

test.describe("from the waitlist to an account", () => {
  test.describe.configure({ timeout: 180_000 });

  test("join → operator approves → invitation → account with $5 → sign out → sign in again", async ({ page, browser, operatorEmail }, testInfo) => {
    const path = (name: string) => testInfo.outputPath(name);
    // The empty form is answered with its field errors as a 400 page (a plain HTML post, no JavaScript).
    const problems = watchForPageErrors(page, { expectedRefusals: [{ path: "/waitlist/join", status: 400 }] });
    const email = uniqueEmail("builder");

    await page.goto("/waitlist");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the Tandem waitlist");
    await screenshots(page, path, "waitlist");
    // Clear field errors first.
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
    await expect(page.locator("#field-building-error")).toBeVisible();
    await screenshots(page, path, "waitlist-errors");

    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("What are you building?").fill("A collaborative pixel-art canvas for classrooms.");
    await page.getByLabel("Link (optional)").fill("github.com/builder/canvas");
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/joined$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks, you are on the list");
    await waitForMailText(email, "You are on the Tandem waitlist");

    // The operator, in their own browser, approves the entry in the admin area.
    const operator = await newPerson(browser);
    const operatorProblems = watchForPageErrors(operator);
    await signIn(operator, operatorEmail);
    await operator.goto("/admin/waitlist");
    const entry = operator.getByTestId("waitlist-entry").filter({ hasText: email });
    await expect(entry).toContainText("A collaborative pixel-art canvas for classrooms.");
    await screenshots(operator, path, "admin-waitlist");
    await entry.getByRole("button", { name: `Approve ${email}` }).click();
    await expect(operator.getByTestId("waitlist-entry").filter({ hasText: email })).toHaveCount(0);
    // Decided entries are in the table under their status (issue 18: the "Recently decided" list is gone).
    await operator.goto(`/admin/waitlist?status=approved&q=${encodeURIComponent(email)}`);
    await expect(operator.getByTestId("waitlist-entry").filter({ hasText: email })).toContainText("approved");

    // The invitation arrives (after the waitlist confirmation) and its link creates the account.
    expect(await waitForMailText(email, "Your invitation to Tandem")).toContain("works once");
    await page.goto(await waitForLink(email));
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await expect(page.getByTestId("balance")).toHaveText("$5.00");

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
    await signIn(page, email, 2);
    await expect(page.getByTestId("balance")).toHaveText("$5.00");

    // An uninvited address gets the same page and no mail.
    const stranger = uniqueEmail("stranger");
    const strangerPage = await newPerson(browser);
    await strangerPage.goto("/sign-in");
    await strangerPage.getByLabel("Email address").fill(stranger);
    await strangerPage.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(strangerPage).toHaveURL(/\/sign-in\/check-email$/);
    // A link asked for after the stranger's answer has arrived, so the stranger's would have too. (Not the
    // operator's: a signed-in person going to /sign-in lands on /account, issue 17.)
    await signIn(await newPerson(browser), email, 3);
    expect(await mailTo(stranger)).toHaveLength(0);

    // The approval is in the audit log.
    await operator.goto("/admin/audit");
    await expect(operator.getByTestId("audit-entry").filter({ hasText: "waitlist.approve" }).filter({ hasText: email })).toHaveCount(1);
    await screenshots(operator, path, "admin-audit");
    await operator.goto("/admin");
    await screenshots(operator, path, "admin-overview");

    expect(problems).toEqual([]);
    expect(operatorProblems).toEqual([]);
    await operator.context().close();
    await strangerPage.context().close();
  });

  test("the confirmation email's link takes the entry off the list, and says so", async ({ page }, testInfo) => {
    const problems = watchForPageErrors(page);
    const email = uniqueEmail("changed-mind");
    await page.goto("/waitlist");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("What are you building?").fill("A turn-based word game.");
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/joined$/);
    const link = (await waitForMailText(email, "You are on the Tandem waitlist")).match(/https?:\/\/\S+\/waitlist\/withdraw\?token=\S+/)?.[0];
    expect(link).toBeDefined();

    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leave the waitlist?");
    await page.getByRole("button", { name: "Leave the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/withdrawn$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are off the waitlist");
    await page.screenshot({ path: testInfo.outputPath("withdrawn-1280.png"), fullPage: true });
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
    expect(problems).toEqual([]);
  });

  test("members get the ordinary 404 for every admin page", async ({ page, invite }) => {
    const email = uniqueEmail("curious");
    await invite(email);
    await signIn(page, email);
    for (const path of ["/admin", "/admin/waitlist", "/admin/codes", "/admin/invites", "/admin/emails", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "This page does not exist." })).toBeVisible();
    }
  });
});
