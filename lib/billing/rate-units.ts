// Exact rating: a price is the rational price_micros / per_units. What cannot be billed as a whole
// micro-dollar is carried as a numerator over per_units to the next record, so that over any sequence
// billed micros = floor(total units × price / per_units): never more than the exact price, and short
// of it by less than one micro-dollar.

export type Price = { priceMicros: bigint; perUnits: bigint };

export type Rated = { micros: bigint; carry: bigint };

export function rateUnits(price: Price, units: bigint, carry: bigint): Rated {
  if (units < 0n) throw new RangeError("units must not be negative");
  if (price.perUnits <= 0n || price.priceMicros < 0n) throw new RangeError("invalid price");
  return rateNumerator(units * price.priceMicros, price.perUnits, carry);
}

/**
 * The same as rateUnits for a numerator `units × price_micros` computed earlier: ingestion multiplies
 * before it takes the account locks, and only adds the carry and divides while holding them.
 */
export function rateNumerator(numerator: bigint, perUnits: bigint, carry: bigint): Rated {
  const total = numerator + carry;
  return { micros: total / perUnits, carry: total % perUnits };
}

/** Formats micro-dollars as dollars for people, e.g. 12_500_000n → "$12.50"; never via a float. */
export function formatMicros(micros: bigint, options: { decimals?: number } = {}): string {
  const decimals = options.decimals ?? 2;
  const sign = micros < 0n ? "-" : "";
  const absolute = micros < 0n ? -micros : micros;
  const scale = 10n ** BigInt(6 - decimals);
  const rounded = (absolute + scale / 2n) / scale;
  const whole = rounded / 10n ** BigInt(decimals);
  const fraction = (rounded % 10n ** BigInt(decimals)).toString().padStart(decimals, "0");
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${grouped}${decimals > 0 ? `.${fraction}` : ""}`;
}
