// Signup fixtures: an operator (a user stored with the admin role, as the demo seed makes one), a way
// to sign anyone in through the real magic-link flow, and the mail the signup journeys send.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test as base, expect, mailTo, uniqueEmail, waitForLink } from "./auth-fixture";
import { requestLink } from "./sign-in-steps";

type SignupFixtures = {
  /** A new operator's email; the operator exists but is not signed in yet. */
  operatorEmail: string;
};

export const test = base.extend<SignupFixtures>({
  operatorEmail: async ({ database }, provide) => {
    const email = uniqueEmail("operator");
    await database.query(`insert into "user" (id, email, "emailVerified", role) values ($1, $2, now(), 'admin')`, [randomUUID(), email]);
    await provide(email);
  },
});

/** Signs `email` in by magic link in `page`; `count` is how many links that address will have had. */
export async function signIn(page: Page, email: string, count = 1): Promise<void> {
  await requestLink(page, email);
  await page.goto(await waitForLink(email, count));
  await expect(page).toHaveURL(/\/account$/);
}

/** A second person at the same time: their own browser context (cookies) and client address. */
export async function newPerson(browser: Browser): Promise<Page> {
  const hex = randomUUID().replace(/-/g, "");
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `10.${[0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".")}` },
  });
  return context.newPage();
}

/** Waits for an email to `address` with `subject` and returns its text. */
export async function waitForMailText(address: string, subject: string): Promise<string> {
  let text = "";
  await expect
    .poll(
      async () => {
        const found = (await mailTo(address)).find((email) => (email as { subject?: string }).subject === subject);
        text = found?.text ?? "";
        return text !== "";
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return text;
}

/** Full-page screenshots at desktop and phone widths. */
export async function screenshots(page: Page, path: (name: string) => string, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: path(`${name}-375.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

export { expect, mailTo, uniqueEmail, waitForLink };
