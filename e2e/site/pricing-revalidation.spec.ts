import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { watchForPageErrors } from "../support/page-errors";
import { watchForCspViolations } from "./site-support";

type Rates = {
  version: number;
  resources: Array<{ resource: string; unit: string; price_micros: string; per_units: string }>;
};

// An operator publishes a new card with the real tool; the prerendered pricing page shows it after
// revalidation, and the regenerated page (served from Next's cache, with new inline scripts) still
// runs under the strict CSP: no violation, and the calculator is interactive.
test("pricing shows a newly published card without a redeploy, under the CSP", async ({ page, request }) => {
  test.setTimeout(90_000);
  const rates = (await (await request.get("/api/billing/v1/rates")).json()) as Rates;
  const entries = rates.resources.map((rate) => ({
    resource: rate.resource,
    unitLabel: rate.unit,
    priceMicros: rate.resource === "messages" ? "200000" : rate.price_micros,
    perUnits: rate.per_units,
  }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rate-card-")), "card.json");
  writeFileSync(file, JSON.stringify(entries));
  // A future whole hour, after any card already scheduled (the tool refuses to go back in time).
  const from = new Date((Math.floor(Date.now() / 3_600_000) + 24 * 365) * 3_600_000);
  const published = spawnSync(
    "node",
    ["scripts/bootstrap.mjs", "scripts/rate-card-publish.ts", "--file", file, "--from", from.toISOString()],
    {
      encoding: "utf8",
      env: process.env,
    },
  );
  expect(published.stdout, published.stderr).toMatch(/Published rate card v\d+/);
  const version = published.stdout.match(/v(\d+)/)![1]!;

  // Revalidation is time-based (15 s): the first visit after it serves the old page and regenerates.
  await expect
    .poll(
      async () => (await (await request.get("/pricing")).text()).includes(`Rate card v${version} takes effect then`),
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);

  const problems = watchForPageErrors(page);
  const violations = await watchForCspViolations(page);
  await page.goto("/pricing");
  await expect(page.getByTestId("upcoming-card")).toContainText(`v${version}`);
  await expect(page.getByRole("table", { name: `Rate card version ${version}, upcoming` })).toContainText("$0.20");
  const total = page.getByTestId("calculator-total");
  const before = await total.textContent();
  await page.getByRole("form", { name: "Your app's usage" }).getByLabel("Messages per user per day").fill("900000");
  await expect(total).not.toHaveText(before ?? "");
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});
