import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { watchForPageErrors } from "../support/page-errors";
import { fetchCardInForce, holdCalculatorChunk, totalFor } from "./calculator-support";

// Full-page screenshots and a production server on two shared cores: generous, never timed, limits.
test.describe.configure({ timeout: 90_000 });

// Each test is its own visitor (client address), so the waitlist's per-IP limit is not shared.
test.use({
  extraHTTPHeaders: {
    "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  },
});

for (const start of ["/", "/pricing"]) {
  test(`the waitlist call to action works from ${start}`, async ({ page }) => {
    const problems = watchForPageErrors(page);
    await page.goto(start);
    await page.getByRole("main").getByRole("link", { name: "Join the waitlist" }).first().click();
    await expect(page).toHaveURL(/\/waitlist$/);
    await page.getByLabel("Email address").fill(`cta-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("What are you building?").fill("A shared music queue for parties.");
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks, you are on the list");
    expect(problems).toEqual([]);
  });
}

const whiteboard = EXAMPLE_APPS[0]!.profile;

test("the calculator follows its inputs with billing's arithmetic", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  await page.goto("/pricing");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  const total = page.getByTestId("calculator-total");
  await expect(total).toHaveText(totalFor(card, whiteboard));
  // The page's only script is the calculator island's small loader; React comes when the calculator is
  // reached or touched, and whatever was typed before it arrived is kept.
  const island = page.locator("#pricing-calculator");
  await expect(page.locator("script[src]")).toHaveCount(1);
  await expect(page.locator("script[src]")).toHaveAttribute("src", /^\/islands\/pricing-calculator-[A-Z0-9]+\.js$/);

  await calculator.getByLabel("Messages per user per day").fill("75,000");
  await calculator.getByLabel("Peak concurrent users").fill("1200");
  await expect(total).toHaveText(totalFor(card, { ...whiteboard, messagesPerUserPerDay: 75_000n, peakUsers: 1_200n }));
  await expect(calculator.getByTestId("metric-peakUsers")).toHaveText("= 1,200 connections, every hour");
  await expect(island).toHaveAttribute("data-hydrated", "true");

  await calculator.getByLabel("Daily active users").fill("12.5");
  await expect(page.getByText("Enter a whole number, up to 12 digits.")).toBeVisible();
  await expect(total).toHaveText("–");
  expect(problems).toEqual([]);
});

test("the calculator keeps what was typed before React arrived", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  const release = await holdCalculatorChunk(page, request);
  await page.goto("/pricing");
  const total = page.getByTestId("calculator-total");
  const before = await total.textContent();
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  await calculator.getByLabel("Messages per user per day").fill("900000");
  await calculator.getByLabel("Peak concurrent users").fill("75");
  await expect(total).toHaveText(before ?? "");
  release();
  await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await expect(total).toHaveText(totalFor(card, { ...whiteboard, messagesPerUserPerDay: 900_000n, peakUsers: 75n }));
  await expect(calculator.getByLabel("Messages per user per day")).toHaveValue("900000");
  await expect(calculator.getByLabel("Peak concurrent users")).toHaveValue("75");
  expect(problems).toEqual([]);
});

test("the calculator keeps a key pressed while React adopts it", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  const release = await holdCalculatorChunk(page, request);
  await page.goto("/pricing");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  await calculator.getByLabel("Messages per user per day").fill("900000");
  await calculator.getByLabel("Peak concurrent users").fill("12");
  // A slow phone's next key lands between React taking over the calculator (it listens for input on
  // the island from then on) and its first render. Its keydown makes React hydrate at once, and its
  // input event then comes to a calculator that has not yet shown what was typed before. No timing can
  // place a Playwright key press there, so the page presses it itself, with a key press's events
  // (keydown, the browser's own text insertion and its input event, keyup), in the task that starts React.
  await page.evaluate(() => {
    const island = document.getElementById("pricing-calculator")!;
    const listen = island.addEventListener.bind(island);
    const seen = window as unknown as { keyPressedBeforeRender?: boolean };
    island.addEventListener = (...args: Parameters<HTMLElement["addEventListener"]>) => {
      listen(...args);
      if (args[0] !== "input") return;
      // One key: React listens for input twice (capture and bubble phases).
      Reflect.deleteProperty(island, "addEventListener");
      queueMicrotask(() => {
        const field = document.activeElement as HTMLInputElement;
        seen.keyPressedBeforeRender = !Object.keys(field).some((key) => key.startsWith("__reactFiber$"));
        const key = { key: "0", code: "Digit0", bubbles: true, cancelable: true };
        field.dispatchEvent(new KeyboardEvent("keydown", key));
        document.execCommand("insertText", false, "0");
        field.dispatchEvent(new KeyboardEvent("keyup", key));
      });
    };
  });
  release();
  await expect(calculator.getByLabel("Peak concurrent users")).toHaveValue("120");
  expect(
    await page.evaluate(() => (window as unknown as { keyPressedBeforeRender?: boolean }).keyPressedBeforeRender),
  ).toBe(true);
  await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await expect(page.getByTestId("calculator-total")).toHaveText(
    totalFor(card, { ...whiteboard, messagesPerUserPerDay: 900_000n, peakUsers: 120n }),
  );
  await expect(calculator.getByLabel("Messages per user per day")).toHaveValue("900000");
  expect(problems).toEqual([]);
});
