import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "../support/signup-fixture";
import { signInNewPerson } from "./account-steps";

// At 375 px the account and admin tabs scroll sideways and the later ones start off-screen; the tab of
// the page a person is on must still be in view, whichever page they opened.
async function expectCurrentTabInView(page: Page, nav: Locator, path: string, label: string): Promise<void> {
  await page.goto(path);
  const current = nav.getByRole("link", { name: label, exact: true });
  await expect(current).toHaveAttribute("aria-current", "page");
  await expect(current).toBeInViewport({ ratio: 1 });
}

test("on a phone the account tabs show the current section", async ({ page, invite }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInNewPerson(page, invite, "tabs");
  const nav = page.getByRole("navigation", { name: "Account" });
  for (const [path, label] of [
    ["/account/settings", "Settings"],
    ["/account/billing", "Billing"],
    ["/account", "Overview"],
  ] as const)
    await expectCurrentTabInView(page, nav, path, label);
});

test("on a phone the admin tabs show the current page", async ({ page, operatorEmail }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, operatorEmail);
  const nav = page.getByRole("navigation", { name: "Admin" });
  for (const [path, label] of [
    ["/admin/audit", "Audit log"],
    ["/admin/emails", "Undelivered emails"],
    ["/admin", "Overview"],
  ] as const)
    await expectCurrentTabInView(page, nav, path, label);
  // Opened wide, then narrowed (a window resized, a tablet turned): the tab follows.
  await page.setViewportSize({ width: 1280, height: 812 });
  await page.goto("/admin/audit");
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(nav.getByRole("link", { name: "Audit log", exact: true })).toBeInViewport({ ratio: 1 });
});
