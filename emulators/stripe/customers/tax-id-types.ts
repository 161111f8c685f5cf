import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";

// The tax ID types the emulator checks, with the shape of a valid value (after removing spaces) and
// the country the ID belongs to. Stripe checks more types and checksums; this catches typos and
// wrong-country IDs, which is what the site's tests need. eu_vat takes its country from the prefix.
type TaxIdRule = { pattern: RegExp; country: string | null; example: string; label: string };

const EU_VAT_PREFIXES = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "EL",
  "ES",
  "FI",
  "FR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "XI",
]);

const RULES: Readonly<Record<string, TaxIdRule>> = {
  eu_vat: { pattern: /^[A-Z]{2}[0-9A-Z]{2,12}$/, country: null, example: "DE123456789", label: "EU VAT number" },
  gb_vat: {
    pattern: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
    country: "GB",
    example: "GB123456789",
    label: "UK VAT number",
  },
  us_ein: { pattern: /^\d{2}-?\d{7}$/, country: "US", example: "12-3456789", label: "US EIN" },
  au_abn: { pattern: /^\d{11}$/, country: "AU", example: "12345678912", label: "Australian ABN" },
  ca_bn: { pattern: /^\d{9}$/, country: "CA", example: "123456789", label: "Canadian BN" },
  ch_vat: {
    pattern: /^CHE-?\d{3}\.?\d{3}\.?\d{3}(MWST|TVA|IVA)$/,
    country: "CH",
    example: "CHE-123.456.789 MWST",
    label: "Swiss VAT number",
  },
  no_vat: { pattern: /^\d{9}MVA$/, country: "NO", example: "123456789MVA", label: "Norwegian VAT number" },
  nz_gst: { pattern: /^\d{8,9}$/, country: "NZ", example: "123456789", label: "New Zealand GST number" },
};

export const SUPPORTED_TAX_ID_TYPES = Object.keys(RULES);

const compact = (value: string) => value.replace(/\s+/g, "").toUpperCase();

function euVatCountry(value: string): string | null {
  const prefix = value.slice(0, 2);
  if (!EU_VAT_PREFIXES.has(prefix)) return null;
  // Greece's VAT prefix is EL and Northern Ireland's is XI; the TaxId's country is the ISO code.
  if (prefix === "EL") return "GR";
  if (prefix === "XI") return "GB";
  return prefix;
}

export function describeTaxIdType(type: string): { label: string; example: string } | null {
  const rule = RULES[type];
  return rule ? { label: rule.label, example: rule.example } : null;
}

/** Checks `value` for `type` and answers the TaxId's country; throws Stripe's `tax_id_invalid` 400. */
export function checkTaxIdOrThrow(type: string, value: string): { country: string | null } {
  const rule = RULES[type];
  if (!rule) {
    throw invalidRequestError(
      `Invalid type: the Stripe emulator checks only these tax ID types: ${SUPPORTED_TAX_ID_TYPES.join(", ")}.`,
      { param: "type", code: "parameter_invalid" },
    );
  }
  const normalised = compact(value);
  const country = type === "eu_vat" ? euVatCountry(normalised) : rule.country;
  if (!rule.pattern.test(normalised) || (type === "eu_vat" && country === null)) {
    throw invalidRequestError(`Invalid value for ${type}.`, { param: "value", code: "tax_id_invalid" });
  }
  return { country };
}

// The ID Checkout asks for, given the billing country (EU countries share eu_vat).
const TYPE_BY_COUNTRY: Readonly<Record<string, Stripe.TaxIdCreateParams.Type>> = {
  GB: "gb_vat",
  US: "us_ein",
  AU: "au_abn",
  CA: "ca_bn",
  CH: "ch_vat",
  NO: "no_vat",
  NZ: "nz_gst",
};

export function taxIdTypeForCountry(country: string): Stripe.TaxIdCreateParams.Type | null {
  const upper = country.toUpperCase();
  if (TYPE_BY_COUNTRY[upper]) return TYPE_BY_COUNTRY[upper];
  const vatPrefix = upper === "GR" ? "EL" : upper;
  return EU_VAT_PREFIXES.has(vatPrefix) && vatPrefix !== "XI" ? "eu_vat" : null;
}
