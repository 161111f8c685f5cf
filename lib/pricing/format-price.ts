// Money for people on the pricing page. Never via a float: digits come from formatMicros.
import { formatMicros } from "@/lib/billing/rate-units";

/** A price with the decimals it needs: $0.04, $0.005, $0.0001 (never rounded to $0.00). */
export function formatPrice(micros: bigint): string {
  let decimals = 2;
  while (decimals < 6 && micros % 10n ** BigInt(6 - decimals) !== 0n) decimals++;
  return formatMicros(micros, { decimals });
}

/** A monthly cost, to the cent, but never "$0.00" for a cost that is not zero. */
export function formatMonthly(micros: bigint): string {
  if (micros > 0n && micros < 5_000n) return "< $0.01";
  return formatMicros(micros);
}

/** 1234567n → "1,234,567". */
export function formatCount(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** An instant as the pricing page shows it: "30 November 2026 at 14:00 UTC". */
export function formatEffective(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
