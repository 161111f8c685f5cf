// The emulator's stand-in for Stripe Tax (issue 20): a fixed rate per customer country, applied on top
// of the amount (tax-exclusive prices) when `automatic_tax[enabled]` is true. Real Stripe Tax decides by
// registrations, product tax codes, reverse charge for valid business VAT IDs and more; this is a
// documented simplification, enough to test that tax is shown, charged and kept out of the credit.

/** Percent per ISO country code; a country not listed has no tax (the `not_collecting` case). */
const RATES_PERCENT: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 21,
  DE: 19,
  ES: 21,
  FR: 20,
  GB: 20,
  IE: 23,
  IT: 22,
  NL: 21,
  SE: 25,
};

export type TaxComputation = {
  /** The tax in cents, rounded half up like Stripe's per-line rounding. */
  amount: number;
  /** The rate in percent, or null when the country has no rate here. */
  percentage: number | null;
  country: string | null;
  /** Stripe's `taxability_reason`: `standard_rated`, or `not_collecting` without a rate. */
  taxabilityReason: "standard_rated" | "not_collecting";
};

export function taxRateFor(country: string | null | undefined): number | null {
  if (!country) return null;
  return RATES_PERCENT[country.toUpperCase()] ?? null;
}

/** Tax on a tax-exclusive amount in cents for a customer in `country`. */
export function computeTax(amountCents: number, country: string | null | undefined): TaxComputation {
  const percentage = taxRateFor(country);
  if (percentage === null) return { amount: 0, percentage: null, country: country?.toUpperCase() ?? null, taxabilityReason: "not_collecting" };
  return {
    amount: Math.floor((amountCents * percentage + 50) / 100),
    percentage,
    country: country!.toUpperCase(),
    taxabilityReason: "standard_rated",
  };
}
