// What every account page does before its own work (requireAccountPage): anyone signed out goes to the
// sign-in page; a sign-in without a billing account (an operator from ADMIN_EMAILS) sees the "No billing
// account" notice on the pages that show money, and the billing, invites and overview pages as they are.
import { expect, signIn, test } from "../support/signup-fixture";
import { signInNewPerson } from "./account-steps";

// Each page is a fresh server render on a shared two-core machine: give the loops room.
test.describe.configure({ timeout: 120_000 });

const GUARDED = [
  "/account",
  "/account/usage",
  "/account/statement",
  "/account/spaces",
  "/account/billing",
  "/account/billing/return?session_id=cs_test_guard",
  "/account/settings",
  "/account/invites",
];

test("signed out, every account page sends to the sign-in page; the closed-account page does not", async ({ page }) => {
  for (const path of GUARDED) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in$/);
  }
  await page.goto("/account/closed");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");
});

test("an operator without a billing account sees the notice on money pages and the rest as they are", async ({ page, operatorEmail }) => {
  await signIn(page, operatorEmail);
  for (const path of ["/account/usage", "/account/statement", "/account/spaces", "/account/settings"]) {
    await page.goto(path);
    await expect(page.getByText("No billing account", { exact: true }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the admin area" }), path).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(0);
  }
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByText("No billing account", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Operator" })).toHaveAttribute("href", "/admin");
  await page.goto("/account/billing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Billing");
  await expect(page.getByText("This sign-in has no billing account.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add credit" })).toHaveCount(0);
  await page.goto("/account/invites");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite others");
});

test("a member back from Checkout with a link that is not theirs reads that it was not found", async ({ page, invite }) => {
  await signInNewPerson(page, invite, "guard-return");
  for (const sessionId of ["cs_test_not_theirs", "../../etc"]) {
    await page.goto(`/account/billing/return?session_id=${encodeURIComponent(sessionId)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment not found");
    // Scoped to the page: Next's route announcer is an (empty) alert too.
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "We found no payment with this link on your account. If you paid, your credit appears on the billing page within a minute.",
    );
    await expect(page.getByRole("link", { name: "Back to billing" })).toBeVisible();
  }
});
