import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
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

test("the calculator follows its inputs with billing's arithmetic", async ({ page, request }) => {
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
  const card: PublicRateCard = {
    version: rates.version,
    effectiveFrom: rates.effective_from,
    rates: rates.resources.map((rate) => ({
      resource: rate.resource,
      unitLabel: rate.unit,
      priceMicros: rate.price_micros,
      perUnits: rate.per_units,
    })),
  };
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

  await calculator.getByLabel("Messages").fill("75,000,000");
  await calculator.getByLabel("Open connections").fill("1200");
  const changed = { ...usage, messages: 75_000_000n, connections: 1_200n };
  await expect(total).toHaveText(formatMonthly(estimateMonthlyCost(card, changed).totalMicros));

  await calculator.getByLabel("CPU time").fill("12.5");
  await expect(page.getByText("Enter a whole number, up to 12 digits.")).toBeVisible();
  await expect(total).toHaveText("–");
  expect(problems).toEqual([]);
});
