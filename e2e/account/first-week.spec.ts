import { watchForPageErrors } from "../support/page-errors";
import { expect, mailTo, newPerson, signIn, test, uniqueEmail, waitForLink, waitForMailText } from "../support/signup-fixture";
import { screenshotBothWidths } from "../support/screenshots";
import { fillBillingAddress } from "../support/checkout-billing-address";

type CaughtMail = { subject?: string; html?: string | boolean; text: string; to: Array<{ address: string }> };

// Issue 17's acceptance journey, from the invitation to the first top-up, as a new customer lives it:
// the account starts Active with the welcome panel, no low-balance email, the account menu in the
// header, a top-up through the emulator's hosted Checkout, and one receipt email in HTML.
test.describe("the first week", () => {
  test.describe.configure({ timeout: 240_000 });

  test("invitation → sign-up → Active with the welcome panel → top-up → one HTML receipt", async ({ page, browser, operatorEmail }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/favicon.ico"] }); // the emulator serves no icon
    const email = uniqueEmail("first-week");

    // They join the waitlist; the operator approves them in the admin area, which sends the invitation.
    await page.goto("/waitlist");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("What are you building?").fill("A shared whiteboard for a twelve-person team.");
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/joined$/);
    const operator = await newPerson(browser);
    await signIn(operator, operatorEmail);
    await operator.goto("/admin/waitlist");
    await operator.getByTestId("waitlist-entry").filter({ hasText: email }).getByRole("button", { name: `Approve ${email}` }).click();
    await expect(operator.getByTestId("waitlist-entry").filter({ hasText: email })).toHaveCount(0);
    await operator.context().close();

    // The invitation's link creates the account.
    await waitForMailText(email, "Your invitation to Tandem");
    await page.goto(await waitForLink(email));
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("balance")).toHaveText("$5.00");
    // Soft where other parts of issue 17 decide (bug 1: a new account starts Active; one email per money
    // event): the journey goes on, and every failed point is reported at the end.
    await expect.soft(page.getByTestId("standing")).toHaveText("Active");
    await expect.soft(page.getByTestId("notices")).not.toContainText("Your balance is low");
    await expect(page.getByTestId("welcome-panel")).toBeVisible();
    await expect(page.getByTestId("account-menu")).toBeVisible();
    await expect(page.getByTestId("account-menu")).toContainText(email);
    await screenshotBothWidths(page, "first-week", "new-dashboard");

    // The first top-up: from the account menu to billing, then the emulator's hosted Checkout.
    await page.getByTestId("account-menu").locator("summary").click();
    await page.getByTestId("account-menu").getByRole("link", { name: "Billing", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/billing$/);
    await page.getByText("$25", { exact: true }).click();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/c\/pay\/cs_/);
    await expect(page.getByLabel("Total due")).toHaveText("$25.00");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiration (MM / YY)").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Ada Lovelace");
    await fillBillingAddress(page);
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page).toHaveURL(/\/account\/billing\/return\?session_id=cs_/);
    await expect(page.getByTestId("balance")).toHaveText("$30.00");
    await page.goto("/account");
    await expect.soft(page.getByTestId("standing")).toHaveText("Active");

    // The mail of the whole week: the waitlist's confirmation, the invitation, and ONE receipt, in HTML.
    const receipt = await waitForMailText(email, "Receipt: $25.00 added to your Tandem balance");
    expect(receipt).toContain("$25.00");
    await page.waitForTimeout(3_000); // anything else the top-up caused would have been sent by now
    const mail = (await mailTo(email)) as CaughtMail[];
    const subjects = mail.map((message) => message.subject ?? "");
    expect.soft(subjects.filter((subject) => /balance is low/i.test(subject)), subjects.join(" | ")).toEqual([]);
    const afterSignUp = mail.filter((message) => !/waitlist|invitation/i.test(message.subject ?? ""));
    expect.soft(afterSignUp.map((message) => message.subject), subjects.join(" | ")).toEqual(["Receipt: $25.00 added to your Tandem balance"]);
    const receiptHtml = mail.find((message) => message.subject?.startsWith("Receipt:"))?.html;
    expect.soft(typeof receiptHtml === "string" && receiptHtml.includes("<html"), "the receipt has an HTML part").toBe(true);
    expect(problems).toEqual([]);
  });
});
