import { expect, test, uniqueEmail, waitForLink } from "../support/auth-fixture";
import { watchForPageErrors } from "../support/page-errors";
import { requestLink, submitSignIn } from "../support/sign-in-steps";

test.describe("links and sessions", () => {
  // Two browsers and several mail round trips: more than the default 30 s on a busy two-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("a used link lands on a page that says so and sends a new one", async ({ browser, page, invite, extraHTTPHeaders }, testInfo) => {
    const email = uniqueEmail("reuse");
    await invite(email);
    await requestLink(page, email);
    const link = await waitForLink(email);
    await page.goto(link);
    await expect(page).toHaveURL(/\/account$/);

    const elsewhere = await browser.newContext({ extraHTTPHeaders });
    const second = await elsewhere.newPage();
    const problems = watchForPageErrors(second);
    await second.goto(link);
    await expect(second).toHaveURL(/\/sign-in\/error\?error=Verification$/);
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Link expired or already used");
    await second.screenshot({ path: testInfo.outputPath("link-used-1280.png"), fullPage: true });
    await submitSignIn(second, email, "Email me a new link");
    await expect(second).toHaveURL(/\/sign-in\/check-email$/);
    await second.goto(await waitForLink(email, 2));
    await expect(second).toHaveURL(/\/account$/);
    expect(problems).toEqual([]);
    await elsewhere.close();
  });

  test("sign out everywhere ends the sessions on every device", async ({ browser, page, invite, extraHTTPHeaders }) => {
    const problems = watchForPageErrors(page);
    const email = uniqueEmail("devices");
    await invite(email);
    await requestLink(page, email);
    await page.goto(await waitForLink(email));

    const laptop = await browser.newContext({ extraHTTPHeaders });
    const other = await laptop.newPage();
    await requestLink(other, email);
    await other.goto(await waitForLink(email, 2));
    await expect(other).toHaveURL(/\/account$/);

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere$/);
    await expect(page.getByRole("status")).toHaveText("You are signed out on every device.");
    await other.reload();
    await expect(other).toHaveURL(/\/sign-in$/);
    expect(problems).toEqual([]);
    await laptop.close();
  });
});
