import type Stripe from "stripe";
import { z } from "zod";

// Stripe's `address` param: every part optional; `address=` (empty) removes the address.
export const addressParam = z
  .union([
    z.literal(""),
    z.strictObject({
      line1: z.string().optional(),
      line2: z.string().optional(),
      city: z.string().optional(),
      postal_code: z.string().optional(),
      state: z.string().optional(),
      country: z.string().optional(),
    }),
  ])
  .optional();

export type AddressParam = Exclude<z.output<typeof addressParam>, undefined>;

const part = (value: string | undefined) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export function toAddress(param: AddressParam): Stripe.Address | null {
  if (param === "") return null;
  return {
    line1: part(param.line1),
    line2: part(param.line2),
    city: part(param.city),
    postal_code: part(param.postal_code),
    state: part(param.state),
    country: part(param.country)?.toUpperCase() ?? null,
  };
}
