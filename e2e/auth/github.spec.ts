// "Continue with GitHub" in Chromium against the fake GitHub that `npm run test:e2e` starts on loopback
// (tests/support/fake-github.ts): its authorize page asks which GitHub account is signed in, like
// github.com's login, then sends the browser back to our callback with a code.
import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail, waitForLink } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { requestLink } from "../support/sign-in-steps";

async function continueWithGitHub(page: Page, email: string, options: { isVerified?: boolean } = {}): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page).toHaveTitle(/fake GitHub/);
  await page.getByLabel("GitHub account email").fill(email);
  if (options.isVerified === false) await page.getByLabel("Verified").uncheck();
  await page.getByRole("button", { name: "Authorize" }).click();
}

test.describe("sign-in with GitHub", () => {
  test.describe.configure({ timeout: 60_000 });

  test("an invited person's first GitHub sign-in creates their account with its welcome credit", async ({ page, invite }, testInfo) => {
    const problems = watchForPageErrors(page);
    const email = uniqueEmail("octo");
    await invite(email);
    await continueWithGitHub(page, email);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await expect(page.getByTestId("balance")).toHaveText("$5.00");
    await page.screenshot({ path: testInfo.outputPath("github-account-1280.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("an uninvited or unverified GitHub email gets no account and the neutral refusal page", async ({ page, invite }, testInfo) => {
    const problems = watchForPageErrors(page);
    await continueWithGitHub(page, uniqueEmail("stranger"));
    await expect(page).toHaveURL(/\/sign-in\/error\?error=AccessDenied$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This address cannot sign in yet");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("github-refused-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    const invited = uniqueEmail("unverified");
    await invite(invited);
    await continueWithGitHub(page, invited, { isVerified: false });
    await expect(page).toHaveURL(/\/sign-in\/error\?error=AccessDenied$/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(problems).toEqual([]);
  });

  test("signed in as one person, Continue with GitHub signs in as the GitHub account's person instead", async ({ page, invite, database }) => {
    const problems = watchForPageErrors(page);
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await invite(first);
    await invite(second);
    // A sign-in page left open in another tab before signing in: since issue 17 a signed-in person who
    // goes to /sign-in lands on /account, so this is how a signed-in browser still reaches GitHub.
    const earlierTab = await page.context().newPage();
    await earlierTab.goto("/sign-in");
    await requestLink(page, first);
    await page.goto(await waitForLink(first));
    await expect(page.getByTestId("account-email")).toHaveText(first);
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/account$/);

    await earlierTab.getByRole("button", { name: "Continue with GitHub" }).click();
    await expect(earlierTab).toHaveTitle(/fake GitHub/);
    await earlierTab.getByLabel("GitHub account email").fill(second);
    await earlierTab.getByRole("button", { name: "Authorize" }).click();
    await expect(earlierTab).toHaveURL(/\/account$/);
    await expect(earlierTab.getByTestId("account-email")).toHaveText(second);
    // The GitHub identity belongs to the second person only, and the first person's session has ended.
    const linked = await database.query<{ email: string }>(
      `select u.email from account a join "user" u on u.id = a."userId" where a.provider = 'github' and u.email in ($1, $2)`,
      [first, second],
    );
    expect(linked.rows.map((row) => row.email)).toEqual([second]);
    const sessions = await database.query<{ n: number }>(
      `select count(*)::int as n from session s join "user" u on u.id = s."userId" where u.email = $1`,
      [first],
    );
    expect(sessions.rows[0]?.n).toBe(0);
    expect(problems).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the sign-in form still reaches GitHub (the CSP's form-action allows its origin)", async ({ page, invite }) => {
      const email = uniqueEmail("nojs");
      await invite(email);
      await continueWithGitHub(page, email);
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId("account-email")).toHaveText(email);
    });
  });
});
