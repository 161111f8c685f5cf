import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { BILLING_COUNTRIES, TAX_ID_TYPES, type BillingCountry, type TaxIdType } from "./billing-details-options";

const countryCodes = BILLING_COUNTRIES.map(([code]) => code) as [BillingCountry, ...BillingCountry[]];
const taxIdTypes = TAX_ID_TYPES.map(([type]) => type) as [TaxIdType, ...TaxIdType[]];

// Stripe's limits on a customer's name and address lines are generous; these keep an invoice readable.
const text = (what: string, max: number) => formTextSchema(z.string().trim().max(max, `${what} must be at most ${max} characters.`), what);
const required = (what: string, max: number) =>
  formTextSchema(z.string().trim().min(1, `Enter the ${what.toLowerCase()}.`).max(max, `${what} must be at most ${max} characters.`), what);

/**
 * The billing details form (`components/billing/billing-details-form.tsx`): what goes on every invoice.
 * A tax ID is optional, but its type and value come together; Stripe checks the value's format
 * (`updateBillingDetails` shows its refusal on the value field).
 */
export const billingDetailsSchema = z
  .object({
    companyName: text("Company name", 120),
    line1: required("Address line 1", 200),
    line2: text("Address line 2", 200),
    city: required("City", 100),
    postalCode: text("Postal code", 20),
    country: z.enum(countryCodes, { error: "Choose a country from the list." }),
    taxIdType: z.union([z.literal(""), z.enum(taxIdTypes, { error: "Choose a tax ID type from the list." })]).default(""),
    // Stripe stores VAT numbers without spaces; people type them with spaces.
    taxIdValue: formTextSchema(z.string().max(40, "The tax ID must be at most 40 characters."), "The tax ID").transform((value) =>
      value.replace(/\s+/g, "").toUpperCase(),
    ),
  })
  .superRefine((input, context) => {
    if (input.taxIdType !== "" && input.taxIdValue === "") {
      context.addIssue({ code: "custom", path: ["taxIdValue"], message: "Enter the tax ID, or choose “No tax ID”." });
    }
    if (input.taxIdType === "" && input.taxIdValue !== "") {
      context.addIssue({ code: "custom", path: ["taxIdType"], message: "Choose the type of this tax ID." });
    }
  });

export type BillingDetailsInput = z.output<typeof billingDetailsSchema>;
