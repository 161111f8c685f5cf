// Money for people on the pricing page. Never via a float: digits come from formatMicros.
import { formatMicros } from "@/lib/billing/rate-units";

/** A price with the decimals it needs: $0.04, $0.005, $0.0001 (never rounded to $0.00). */
export function formatPrice(micros: bigint): string {
  let decimals = 2;
  while (decimals < 6 && micros % 10n ** BigInt(6 - decimals) !== 0n) decimals++;
  return formatMicros(micros, { decimals });
}

/** 1234567n → "1,234,567". */
export function formatCount(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** An instant as the pricing page shows it: "30 November 2026 at 14:00 UTC". */
export function formatEffective(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

/** "6 December 2026": the day a rate card was published, as the pricing page names it. */
export function formatPublished(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * What the pricing page says of a card's dates: when it was published and, when that came before the
 * hour it takes effect, that hour. A card is in force for people from the later of the two (v1's
 * effective hour is a date long past, so that any usage hour has a price).
 */
export function describeCardDates(card: { version: number; effectiveFrom: string; publishedAt: string }): string {
  const published = `Rate card v${card.version}, published ${formatPublished(card.publishedAt)}`;
  if (Date.parse(card.effectiveFrom) <= Date.parse(card.publishedAt)) return `${published}.`;
  return `${published}, in force since ${formatEffective(card.effectiveFrom)}.`;
}
