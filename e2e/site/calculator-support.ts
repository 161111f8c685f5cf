import type { APIRequestContext, Page } from "@playwright/test";
import { formatCents } from "@/lib/format/money";
import { profileToUsage, type AppProfile } from "@/lib/pricing/app-profile";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";

/** The card in force, as the billing API publishes it, in the shape the calculator takes. */
export async function fetchCardInForce(request: APIRequestContext): Promise<PublicRateCard> {
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

/** The calculator's total for `profile` on `card`, as the page shows it (cents). */
export function totalFor(card: PublicRateCard, profile: AppProfile): string {
  return formatCents(estimateMonthlyCost(card, profileToUsage(profile)).totalMicros);
}

/**
 * Holds back the chunk the calculator island's loader imports on demand (React and the calculator) until
 * `release` is called, so a test can type before, or exactly as, React arrives.
 */
export async function holdCalculatorChunk(page: Page, request: APIRequestContext): Promise<() => void> {
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
