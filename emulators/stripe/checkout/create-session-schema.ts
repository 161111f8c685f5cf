import { z } from "zod";
import { boolParam, expandParam, intParam, metadataParam } from "../http/params";

const urlParam = z.string().regex(/^https?:\/\/\S+$/, "Not a valid URL");

const lineItemSchema = z.strictObject({
  price: z.string().optional(),
  price_data: z
    .strictObject({
      currency: z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code"),
      unit_amount: intParam,
      product_data: z.strictObject({
        name: z.string().min(1, "must not be empty"),
        description: z.string().optional(),
        images: z.array(z.string()).optional(),
        metadata: metadataParam,
      }),
      tax_behavior: z.enum(["exclusive", "inclusive", "unspecified"]).optional(),
    })
    .optional(),
  quantity: intParam,
});

// Accepted so a site using them is not refused, but they change nothing in the emulator.
const ignoredParams = {
  allow_promotion_codes: z.unknown().optional(),
  consent_collection: z.unknown().optional(),
  currency: z.unknown().optional(),
  custom_text: z.unknown().optional(),
  customer_creation: z.unknown().optional(),
  locale: z.unknown().optional(),
  payment_method_collection: z.unknown().optional(),
  payment_method_options: z.unknown().optional(),
  phone_number_collection: z.unknown().optional(),
  saved_payment_method_options: z.unknown().optional(),
  submit_type: z.unknown().optional(),
  ui_mode: z.unknown().optional(),
};

const autoOrNever = z.enum(["auto", "never"]).optional();

// Billing details, tax and invoices (issue 20): validated, and acted on by completion and the page.
const billingParams = {
  billing_address_collection: z.enum(["auto", "required"]).optional(),
  tax_id_collection: z
    .strictObject({ enabled: boolParam, required: z.enum(["if_supported", "never"]).optional() })
    .optional(),
  customer_update: z.strictObject({ name: autoOrNever, address: autoOrNever, shipping: autoOrNever }).optional(),
  invoice_creation: z
    .strictObject({
      enabled: boolParam,
      invoice_data: z
        .strictObject({
          description: z.string().optional(),
          metadata: metadataParam,
          footer: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  automatic_tax: z.strictObject({ enabled: boolParam }).optional(),
};

export const createSessionSchema = z.strictObject({
  mode: z.enum(["payment", "setup", "subscription"]),
  success_url: urlParam,
  cancel_url: urlParam.optional(),
  line_items: z.array(lineItemSchema).optional(),
  customer: z.string().optional(),
  customer_email: z.string().optional(),
  client_reference_id: z.string().max(200, "must be at most 200 characters").optional(),
  metadata: metadataParam,
  payment_intent_data: z
    .strictObject({
      setup_future_usage: z.enum(["off_session", "on_session"]).optional(),
      metadata: metadataParam,
      description: z.string().optional(),
      receipt_email: z.string().optional(),
      statement_descriptor_suffix: z.string().optional(),
    })
    .optional(),
  setup_intent_data: z.strictObject({ metadata: metadataParam, description: z.string().optional() }).optional(),
  expires_at: intParam.optional(),
  payment_method_types: z.array(z.enum(["card", "us_bank_account"])).optional(),
  expand: expandParam,
  ...ignoredParams,
  ...billingParams,
});

export type CreateSessionParams = z.output<typeof createSessionSchema>;
export type LineItemParams = z.output<typeof lineItemSchema>;
