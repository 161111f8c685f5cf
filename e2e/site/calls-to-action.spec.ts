import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { formatMonthly } from "@/lib/pricing/format-price";
import { watchForPageErrors } from "../support/page-errors";

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

/** The card in force, as the billing API publishes it, in the shape the calculator takes. */
async function fetchCardInForce(request: APIRequestContext): Promise<PublicRateCard> {
  const rates = (await (await request.get("/api/billing/v1/rates")).json()) as {
    version: number;
    effective_from: string;
    resources: Array<{
      resource: PublicRateCard["rates"][number]["resource"];
      unit: string;
      price_micros: string;
      per_units: string;
    }>;
  };
  return {
    version: rates.version,
    effectiveFrom: rates.effective_from,
    // Not in the billing API's answer, and no part of any estimate.
    publishedAt: rates.effective_from,
    rates: rates.resources.map((rate) => ({
      resource: rate.resource,
      unitLabel: rate.unit,
      priceMicros: rate.price_micros,
      perUnits: rate.per_units,
    })),
  };
}

test("the calculator follows its inputs with billing's arithmetic", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  await page.goto("/pricing");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  const total = page.getByTestId("calculator-total");
  const usage = {
    cpuHours: 12n,
    memoryMib: 256n,
    connections: 6n,
    documents: 40n,
    messages: 2_500_000n,
    bandwidthGb: 4n,
    storageGib: 1n,
    firstPartyCalls: 15_000n,
    thirdPartyCalls: 0n,
  };
  await expect(total).toHaveText(formatMonthly(estimateMonthlyCost(card, usage).totalMicros));
  // The page's only script is the calculator island's small loader; React comes when the calculator is
  // reached or touched, and whatever was typed before it arrived is kept.
  const island = page.locator("#pricing-calculator");
  await expect(page.locator("script[src]")).toHaveCount(1);
  await expect(page.locator("script[src]")).toHaveAttribute("src", /^\/islands\/pricing-calculator-[A-Z0-9]+\.js$/);

  await calculator.getByLabel("Messages").fill("75,000,000");
  await calculator.getByLabel("Open connections").fill("1200");
  const changed = { ...usage, messages: 75_000_000n, connections: 1_200n };
  await expect(total).toHaveText(formatMonthly(estimateMonthlyCost(card, changed).totalMicros));
  await expect(island).toHaveAttribute("data-hydrated", "true");

  await calculator.getByLabel("CPU time").fill("12.5");
  await expect(page.getByText("Enter a whole number, up to 12 digits.")).toBeVisible();
  await expect(total).toHaveText("–");
  expect(problems).toEqual([]);
});

/**
 * Holds back the chunk the calculator island's loader imports on demand (React and the calculator) until
 * `release` is called, so a test can type before, or exactly as, React arrives.
 */
async function holdCalculatorChunk(page: Page, request: APIRequestContext): Promise<() => void> {
  const html = await (await request.get("/pricing")).text();
  const loader = html.match(/<script type="module"[^>]* src="([^"]+)"/)![1]!;
  const lazyChunk = (await (await request.get(loader)).text()).match(/import\("\.\/([^"]+)"\)/)![1]!;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/islands/${lazyChunk}`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("the calculator keeps what was typed before React arrived", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  const release = await holdCalculatorChunk(page, request);
  await page.goto("/pricing");
  const total = page.getByTestId("calculator-total");
  const before = await total.textContent();
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  await calculator.getByLabel("Messages").fill("900000000");
  await calculator.getByLabel("Open connections").fill("75");
  await expect(total).toHaveText(before ?? "");
  release();
  await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true");
  const usage = { ...EXAMPLE_APPS[0]!.usage, messages: 900_000_000n, connections: 75n };
  await expect(total).toHaveText(formatMonthly(estimateMonthlyCost(card, usage).totalMicros));
  await expect(calculator.getByLabel("Messages")).toHaveValue("900000000");
  await expect(calculator.getByLabel("Open connections")).toHaveValue("75");
  expect(problems).toEqual([]);
});

test("the calculator keeps a key pressed while React adopts it", async ({ page, request }) => {
  const card = await fetchCardInForce(request);
  const problems = watchForPageErrors(page);
  const release = await holdCalculatorChunk(page, request);
  await page.goto("/pricing");
  const calculator = page.getByRole("form", { name: "Your app's usage" });
  await calculator.getByLabel("Messages").fill("900000000");
  await calculator.getByLabel("Open connections").fill("12");
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
  await expect(calculator.getByLabel("Open connections")).toHaveValue("120");
  expect(
    await page.evaluate(() => (window as unknown as { keyPressedBeforeRender?: boolean }).keyPressedBeforeRender),
  ).toBe(true);
  await expect(page.locator("#pricing-calculator")).toHaveAttribute("data-hydrated", "true");
  const usage = { ...EXAMPLE_APPS[0]!.usage, messages: 900_000_000n, connections: 120n };
  await expect(page.getByTestId("calculator-total")).toHaveText(
    formatMonthly(estimateMonthlyCost(card, usage).totalMicros),
  );
  await expect(calculator.getByLabel("Messages")).toHaveValue("900000000");
  expect(problems).toEqual([]);
});
