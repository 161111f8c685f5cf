import { watchForPageErrors } from "../support/page-errors";
import { expect, screenshots, signIn, test, uniqueEmail, waitForLink } from "../support/signup-fixture";

test.describe("member invites", () => {
  test.describe.configure({ timeout: 60_000 });

  test("a member invites a friend from the account page, within the allowance", async ({ page, invite }, testInfo) => {
    const problems = watchForPageErrors(page);
    const email = uniqueEmail("member");
    await invite(email);
    await signIn(page, email);
    await page.getByRole("link", { name: "Send invitations" }).click();
    await expect(page).toHaveURL(/\/account\/invites$/);
    await expect(page.getByTestId("invites-left")).toHaveText("2 of 2 left");

    const friend = uniqueEmail("friend");
    await page.getByLabel("Their email address").fill(friend);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation sent to ${friend}`);
    await expect(page.getByTestId("invites-left")).toHaveText("1 of 2 left");
    await expect(page.getByRole("region", { name: "Sent" })).toContainText(friend);
    await expect(page.getByLabel("Their email address")).toHaveValue("");
    await screenshots(page, (name) => testInfo.outputPath(name), "member-invites");

    // The friend's invitation signs them straight in.
    const friendPage = await page.context().browser()!.newPage();
    await friendPage.goto(await waitForLink(friend));
    await expect(friendPage).toHaveURL(/\/account$/);
    await expect(friendPage.getByTestId("balance")).toHaveText("$5.00");
    expect(problems).toEqual([]);
    await friendPage.close();
  });
});
