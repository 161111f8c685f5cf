// Steps shared by the auth specs: what a person does on the sign-in form.
import type { Page, Response } from "@playwright/test";
import { expect } from "./auth-fixture";

/** Fills the sign-in form and submits it; returns the server action's HTTP response. */
export async function submitSignIn(page: Page, email: string, button = "Email me a sign-in link"): Promise<Response> {
  await page.getByLabel("Email address").fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "POST" && candidate.request().headers()["next-action"] !== undefined),
    page.getByRole("button", { name: button }).click(),
  ]);
  return response;
}

/** From the sign-in page to "check your email". */
export async function requestLink(page: Page, email: string): Promise<Response> {
  await page.goto("/sign-in");
  const response = await submitSignIn(page, email);
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  return response;
}
