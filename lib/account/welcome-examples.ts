// What the welcome credit runs, in the pricing page's example apps, on a given rate card. Pure and exact
// (bigint micro-dollars and hours, never a float), so a unit test can check every figure.
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { HOURS_PER_MONTH, estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";

export type WelcomeExample = {
  name: string;
  description: string;
  /** The app's month on the card, as the pricing page prices it. */
  monthlyMicros: bigint;
  /** Whole hours of that app the credit pays for, rounded down (an average month is 730 hours). */
  hours: bigint;
};

/** Each example app's monthly cost on `card` and how many whole hours of it `creditMicros` pays for. */
export function welcomeExamples(card: PublicRateCard, creditMicros: bigint): WelcomeExample[] {
  return EXAMPLE_APPS.map((app) => {
    const monthlyMicros = estimateMonthlyCost(card, app.usage).totalMicros;
    // A free app (a card pricing everything at zero) would run for ever: say a month rather than divide by 0.
    const hours = monthlyMicros === 0n ? HOURS_PER_MONTH : (creditMicros * HOURS_PER_MONTH) / monthlyMicros;
    return { name: app.name, description: app.description, monthlyMicros, hours };
  });
}

/** "about 34 days" from 48 hours up, "about 7 hours" below, "less than an hour" for none. */
export function describeHours(hours: bigint): string {
  if (hours < 1n) return "less than an hour";
  if (hours < 48n) return `about ${hours} ${hours === 1n ? "hour" : "hours"}`;
  return `about ${hours / 24n} days`;
}
