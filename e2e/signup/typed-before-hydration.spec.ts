// What a visitor types before the page's JavaScript has arrived is kept: the waitlist form's fields were
// controlled by React, and without adopting the DOM's values at hydration the first render after it (typing
// in the next field) wrote the empty initial value back over the email. Seen as a flaky call-to-action
// test on a loaded machine; here any script is held back until the email is typed, so it is certain.
// Since issue 16 the waitlist ships no JavaScript (pages/waitlist): nothing hydrates, and what was typed
// is simply what the plain form sends.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { watchForPageErrors } from "../support/page-errors";

test.use({ extraHTTPHeaders: { "x-forwarded-for": `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

test("an email typed before hydration is still there when the form is sent", async ({ page }) => {
  const problems = watchForPageErrors(page);
  let releaseScripts: () => void = () => undefined;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  // Not "load" or "domcontentloaded": the held scripts block both.
  await page.goto("/waitlist", { waitUntil: "commit" });
  const email = `early-${randomUUID().slice(0, 8)}@example.com`;
  await page.getByLabel("Email address").fill(email);
  releaseScripts();
  await page.getByLabel("What are you building?").fill("A shared music queue for parties.");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks, you are on the list");
  expect(problems).toEqual([]);
});
