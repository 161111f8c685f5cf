// Usage in the price list's units, so that a customer can multiply quantity by rate and get the cost:
// 18,950 outbound calls at "$0.20 per 1,000 calls" read "18.95 × 1,000 calls". Quantities are exact
// rationals (units ÷ the rate card's per_units) written as decimals: exact when the decimal ends within
// QUANTITY_DECIMALS places, otherwise rounded half to even and marked "≈". Never via a float.
import { cardForHour, type RateCard, type RateCardEntry } from "@/lib/billing/rate-cards";
import type { Resource } from "@/lib/billing/resources";
import { formatPrice } from "@/lib/pricing/format-price";

export const QUANTITY_DECIMALS = 6;

export type PricedQuantity = {
  /** "18.95", "0.342935": the quantity in price-list units (rounded half to even past 6 decimals). */
  decimal: string;
  isExact: boolean;
  /** "18.95 × 1,000 calls", "≈ 0.342935 CPU-hours". */
  text: string;
  /** "$0.20 per 1,000 calls". */
  rate: string;
  unitLabel: string;
};

function group(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** units ÷ perUnits as a decimal with at most `decimals` places, half to even, trailing zeros dropped. */
export function divideToDecimal(units: bigint, perUnits: bigint, decimals = QUANTITY_DECIMALS): { digits: string; whole: bigint; fraction: string; isExact: boolean } {
  if (perUnits <= 0n || units < 0n) throw new RangeError("units and per_units must be positive");
  const scale = 10n ** BigInt(decimals);
  const numerator = units * scale;
  let scaled = numerator / perUnits;
  const rest = numerator % perUnits;
  if (rest * 2n > perUnits || (rest * 2n === perUnits && scaled % 2n === 1n)) scaled += 1n;
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return { digits: fraction ? `${whole}.${fraction}` : whole.toString(), whole, fraction, isExact: rest === 0n };
}

// "CPU-hour" → "CPU-hours", "GiB-month" → "GiB-months"; "GB", "million messages" stay as they are.
function plural(label: string, isOne: boolean): string {
  return !isOne && /-(hour|month)$/.test(label) ? `${label}s` : label;
}

/** A quantity of one resource in the units its rate card entry prices it by. */
export function pricedQuantity(units: bigint, entry: Pick<RateCardEntry, "unitLabel" | "priceMicros" | "perUnits">): PricedQuantity {
  const { digits, whole, fraction, isExact } = divideToDecimal(units, entry.perUnits);
  const shown = `${group(whole)}${fraction ? `.${fraction}` : ""}`;
  const prefix = isExact ? "" : "≈ ";
  // A label that starts with a number ("1,000 calls", "100 connection-hours") is a block of units.
  const text = /^\d/.test(entry.unitLabel)
    ? `${prefix}${shown} × ${entry.unitLabel}`
    : `${prefix}${shown} ${plural(entry.unitLabel, isExact && digits === "1")}`;
  return { decimal: digits, isExact, text, rate: `${formatPrice(entry.priceMicros)} per ${entry.unitLabel}`, unitLabel: entry.unitLabel };
}

/** The rate card entry that priced `resource` in the period starting at `start` (the card in force then). */
export function entryFor(cards: RateCard[], resource: Resource, start: Date): RateCardEntry | undefined {
  return cardForHour(cards, start)?.entries.get(resource);
}
