// The hosted Checkout page's billing part (issue 20): address, business purchase with tax ID, and
// the tax preview. No JavaScript: the business fields are always present, the checkbox says whether
// they count, and the tax appears after a first submit that only sets the country ("Continue").
import type Stripe from "stripe";
import { isAddressCollected } from "../checkout/billing-details";
import type { SessionTotals } from "../checkout/apply-automatic-tax";
import { COUNTRIES, findCountryName } from "../customers/countries";
import { escapeHtml, formatAmount } from "./html";

export type BillingFormValues = {
  name: string;
  country: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  isBusiness: boolean;
  businessName: string;
  taxId: string;
  /** The country the shown tax was computed for; "" while no tax has been shown. */
  quotedCountry: string;
};

export function readBillingForm(form: Record<string, string>): BillingFormValues {
  const text = (name: string) => (form[name] ?? "").trim();
  return {
    name: text("name"),
    country: text("country").toUpperCase(),
    line1: text("line1"),
    line2: text("line2"),
    city: text("city"),
    postalCode: text("postal_code"),
    isBusiness: form.is_business === "yes",
    businessName: text("business_name"),
    taxId: text("tax_id"),
    quotedCountry: text("quoted_country").toUpperCase(),
  };
}

// The same values as form fields, for the 3D Secure step's hidden inputs.
export function billingFormFields(values: BillingFormValues): Record<string, string> {
  return {
    country: values.country,
    line1: values.line1,
    line2: values.line2,
    city: values.city,
    postal_code: values.postalCode,
    is_business: values.isBusiness ? "yes" : "",
    business_name: values.businessName,
    tax_id: values.taxId,
    quoted_country: values.quotedCountry,
  };
}

export function prefillBillingForm(customer: Stripe.Customer | undefined): BillingFormValues {
  const address = customer?.address;
  const country = address?.country && findCountryName(address.country) ? address.country : "";
  return {
    name: customer?.name ?? "",
    country,
    line1: address?.line1 ?? "",
    line2: address?.line2 ?? "",
    city: address?.city ?? "",
    postalCode: address?.postal_code ?? "",
    isBusiness: false,
    businessName: "",
    taxId: "",
    quotedCountry: country,
  };
}

const field = (id: string, label: string, value: string, autocomplete: string, extra = "") =>
  `<label for="${id}">${label}</label>
<input type="text" id="${id}" name="${id}" autocomplete="${autocomplete}" value="${escapeHtml(value)}"${extra}>`;

function renderCountrySelect(selected: string): string {
  const options = COUNTRIES.map(
    (country) =>
      `<option value="${country.code}"${country.code === selected ? " selected" : ""}>${escapeHtml(country.name)}</option>`,
  ).join("");
  return `<label for="country">Country</label>
<select id="country" name="country" autocomplete="country"><option value="">Choose a country</option>${options}</select>`;
}

function renderAddress(values: BillingFormValues): string {
  return `<fieldset><legend>Billing address</legend>
${field("name", "Name", values.name, "name")}
${renderCountrySelect(values.country)}
${field("line1", "Address line 1", values.line1, "address-line1")}
${field("line2", "Address line 2 (optional)", values.line2, "address-line2")}
<div class="row">
<div>${field("city", "City", values.city, "address-level2")}</div>
<div>${field("postal_code", "Postal code", values.postalCode, "postal-code")}</div>
</div>
</fieldset>`;
}

function renderBusiness(values: BillingFormValues): string {
  return `<fieldset><legend>Business purchase</legend>
<label><input type="checkbox" name="is_business" value="yes"${values.isBusiness ? " checked" : ""}> I'm purchasing as a business</label>
${field("business_name", "Business name", values.businessName, "organization")}
${field("tax_id", "Tax ID", values.taxId, "off", ' aria-describedby="tax_id_hint"')}
<p class="muted" id="tax_id_hint">The kind of ID follows the country: a VAT number in the EU (like DE123456789) and the UK, an EIN in the US, an ABN in Australia.</p>
</fieldset>`;
}

export function renderBillingFields(session: Stripe.Checkout.Session, values: BillingFormValues): string {
  const address = isAddressCollected(session) ? renderAddress(values) : "";
  const business = session.tax_id_collection?.enabled ? renderBusiness(values) : "";
  return `${address}${business}<input type="hidden" name="quoted_country" value="${escapeHtml(values.quotedCountry)}">`;
}

// Under automatic tax the total depends on the country: shown once the country is known.
export function renderTaxSummary(
  session: Stripe.Checkout.Session,
  totals: SessionTotals | null,
  country: string,
): string {
  if (!session.automatic_tax.enabled) return "";
  if (!totals) {
    return `<p class="muted" id="tax_note">Tax is added for your billing country. Enter your address and press Continue to see it before you pay.</p>`;
  }
  const currency = session.currency ?? "usd";
  const countryName = findCountryName(country) ?? country;
  const taxLabel =
    totals.percentage === null ? `Tax (none for ${countryName})` : `Tax (${totals.percentage} % for ${countryName})`;
  return `<dl class="totals" aria-label="Amount due">
<div><dt>Subtotal</dt><dd>${formatAmount(totals.subtotal, currency)}</dd></div>
<div><dt>${escapeHtml(taxLabel)}</dt><dd>${formatAmount(totals.tax, currency)}</dd></div>
<div><dt>Total due</dt><dd>${formatAmount(totals.total, currency)}</dd></div>
</dl>`;
}
