// The pricing calculator (issue 17): one click starts from an example app, even before React has
// arrived; the inputs are in a developer's words with the metered quantity beneath; on a phone the
// total stays in view at the bottom of the screen while the inputs scroll by.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { fetchCardInForce, holdCalculatorChunk, totalFor } from "./calculator-support";

// A production server and a browser on two shared cores: generous, never timed, limits.
test.describe.configure({ timeout: 90_000 });

const [whiteboard, game, docs] = EXAMPLE_APPS as [
  (typeof EXAMPLE_APPS)[0],
  (typeof EXAMPLE_APPS)[0],
  (typeof EXAMPLE_APPS)[0],
];

test("one click starts from any example app, before and after React arrives", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  const release = await holdCalculatorChunk(page, request);
  await page.goto("/pricing");
  const presets = page.getByRole("group", { name: "Start from an example" });
  const total = page.getByTestId("calculator-total");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  await expect(total).toHaveText(totalFor(card, whiteboard.profile));
  await expect(presets.getByRole("button", { name: whiteboard.name })).toHaveAttribute("aria-pressed", "true");

  // React is held back: the click that starts loading it must still count.
  await presets.getByRole("button", { name: game.name }).click();
  await expect(calculator.getByLabel("Peak concurrent users")).toHaveValue(game.profile.peakUsers.toString());
  release();
  await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await expect(total).toHaveText(totalFor(card, game.profile));
  await expect(presets.getByRole("button", { name: game.name })).toHaveAttribute("aria-pressed", "true");
  await expect(presets.getByRole("button", { name: whiteboard.name })).toHaveAttribute("aria-pressed", "false");

  await presets.getByRole("button", { name: docs.name }).click();
  await expect(total).toHaveText(totalFor(card, docs.profile));
  await expect(calculator.getByLabel("Messages per user per day")).toHaveValue(
    docs.profile.messagesPerUserPerDay.toString(),
  );
  // Beneath each input, the metered quantity it becomes: 2,000 users × 1,000 a day × 365/12 days.
  await expect(calculator.getByTestId("metric-messagesPerUserPerDay")).toHaveText("= 60,833,334 messages a month");
  await expect(calculator.getByTestId("metric-usersPerDocument")).toHaveText("= 134 live documents, every hour");
  // The total is in cents, the exact micro-dollars in its title.
  await expect(total.locator("span")).toHaveAttribute("title", /^Exactly \$\d+\.\d{6}$/);

  // Changing one input leaves the examples: none is pressed any more.
  await calculator.getByLabel("Peak concurrent users").fill("401");
  await expect(presets.getByRole("button", { pressed: true })).toHaveCount(0);
  await expect(total).toHaveText(totalFor(card, { ...docs.profile, peakUsers: 401n }));
  expect(problems).toEqual([]);
});

test("on a phone the total stays in view while the inputs scroll by", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/pricing");
  const sticky = page.getByTestId("calculator-sticky-total");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  for (const field of ["Peak concurrent users", "Messages per user per day", "Outside API calls per day"]) {
    await calculator.getByLabel(field).scrollIntoViewIfNeeded();
    await expect(sticky).toBeInViewport({ ratio: 1 });
    // Pinned to the bottom edge of the screen while inputs remain below; after the last input it
    // settles in its place, just above the breakdown.
    const box = (await sticky.boundingBox())!;
    if (field !== "Outside API calls per day") expect(Math.abs(box.y + box.height - 812)).toBeLessThan(2);
  }
  await page.getByRole("group", { name: "Start from an example" }).getByRole("button", { name: game.name }).click();
  await expect(sticky).toContainText(totalFor(card, game.profile));
  await calculator.getByLabel("Peak concurrent users").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.resolve("test-results", "site", "pricing-calculator-sticky-375.png") });
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // On a wide screen the result panel sits beside the inputs; the bar is not needed.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(sticky).toBeHidden();
  expect(problems).toEqual([]);
});

test("the pricing page in both colour schemes", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/pricing");
    await page.locator("#pricing-calculator").scrollIntoViewIfNeeded();
    await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    // From the top: a full-page capture keeps the scroll position, and the phone's total bar would be
    // drawn where it was pinned, over the presets.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshotBothWidths(page, "site", `pricing-calculator-${scheme}`);
  }
});

test("the pages issue 17 changed, in the dark scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const [path, name] of [
    ["/changelog", "changelog"],
    ["/blog/how-billing-works", "blog-billing"],
    ["/terms", "terms"],
  ] as const) {
    await page.goto(path);
    await screenshotBothWidths(page, "site", `${name}-dark`);
  }
});
