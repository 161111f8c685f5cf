import { z } from "zod";
import { expandParam, intParam, metadataParam } from "../http/params";

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
  automatic_tax: z.unknown().optional(),
  billing_address_collection: z.unknown().optional(),
  consent_collection: z.unknown().optional(),
  currency: z.unknown().optional(),
  custom_text: z.unknown().optional(),
  customer_creation: z.unknown().optional(),
  customer_update: z.unknown().optional(),
  invoice_creation: z.unknown().optional(),
  locale: z.unknown().optional(),
  payment_method_collection: z.unknown().optional(),
  payment_method_options: z.unknown().optional(),
  phone_number_collection: z.unknown().optional(),
  saved_payment_method_options: z.unknown().optional(),
  submit_type: z.unknown().optional(),
  tax_id_collection: z.unknown().optional(),
  ui_mode: z.unknown().optional(),
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
});

export type CreateSessionParams = z.output<typeof createSessionSchema>;
export type LineItemParams = z.output<typeof lineItemSchema>;
