// The choices of the billing details form, shared by the form (a client component) and its schema, so
// no `server-only` here. Countries are ISO 3166-1 alpha-2 codes, as Stripe's `address.country`.

/** The countries a billing address may be in, by name (the list a person scans). */
export const BILLING_COUNTRIES = [
  ["AU", "Australia"],
  ["AT", "Austria"],
  ["BE", "Belgium"],
  ["BR", "Brazil"],
  ["BG", "Bulgaria"],
  ["CA", "Canada"],
  ["HR", "Croatia"],
  ["CY", "Cyprus"],
  ["CZ", "Czechia"],
  ["DK", "Denmark"],
  ["EE", "Estonia"],
  ["FI", "Finland"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["GR", "Greece"],
  ["HU", "Hungary"],
  ["IS", "Iceland"],
  ["IN", "India"],
  ["IE", "Ireland"],
  ["IL", "Israel"],
  ["IT", "Italy"],
  ["JP", "Japan"],
  ["LV", "Latvia"],
  ["LT", "Lithuania"],
  ["LU", "Luxembourg"],
  ["MT", "Malta"],
  ["MX", "Mexico"],
  ["NL", "Netherlands"],
  ["NZ", "New Zealand"],
  ["NO", "Norway"],
  ["PL", "Poland"],
  ["PT", "Portugal"],
  ["RO", "Romania"],
  ["SG", "Singapore"],
  ["SK", "Slovakia"],
  ["SI", "Slovenia"],
  ["ZA", "South Africa"],
  ["KR", "South Korea"],
  ["ES", "Spain"],
  ["SE", "Sweden"],
  ["CH", "Switzerland"],
  ["AE", "United Arab Emirates"],
  ["GB", "United Kingdom"],
  ["US", "United States"],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export type BillingCountry = (typeof BILLING_COUNTRIES)[number][0];

/** The tax ID types the form offers: Stripe's `type` values, with what a person calls them. */
export const TAX_ID_TYPES = [
  ["eu_vat", "EU VAT number"],
  ["gb_vat", "UK VAT number"],
  ["ch_vat", "Swiss VAT number"],
  ["no_vat", "Norwegian VAT number"],
  ["au_abn", "Australian Business Number (ABN)"],
  ["ca_bn", "Canadian Business Number (BN)"],
  ["in_gst", "Indian GST number"],
  ["nz_gst", "New Zealand GST number"],
  ["sg_gst", "Singapore GST number"],
  ["us_ein", "US Employer Identification Number (EIN)"],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export type TaxIdType = (typeof TAX_ID_TYPES)[number][0];

const taxIdLabels: ReadonlyMap<string, string> = new Map(TAX_ID_TYPES);
const countryNames: ReadonlyMap<string, string> = new Map(BILLING_COUNTRIES);

/** A tax ID type as a person reads it (Stripe's own code for a type the form does not offer). */
export function taxIdLabel(type: string): string {
  return taxIdLabels.get(type) ?? type;
}

/** A country's name, or its code when the list does not have it. */
export function countryName(code: string): string {
  return countryNames.get(code) ?? code;
}
