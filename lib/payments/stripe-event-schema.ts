import "server-only";
import { z } from "zod";

// What the webhook reads of an event, checked before anything acts on it. Stripe sends more fields
// than these (loose objects keep them); a signed event missing one of these is not Stripe's documented
// shape, and acting on it would end in a TypeError or a bad query (a 500 that Stripe retries for days).

const stripeIdSchema = z.string().min(1).max(255);

const anyObjectSchema = z.looseObject({ id: stripeIdSchema.optional() });

/** The fields every event must have, whatever its type. */
export const stripeEventEnvelopeSchema = z.looseObject({
  id: stripeIdSchema,
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.looseObject({ object: anyObjectSchema }),
});

const objectOf = (object: string, fields: Record<string, z.ZodType> = {}) => z.looseObject({ id: stripeIdSchema, object: z.literal(object), ...fields });

const checkoutSessionSchema = objectOf("checkout.session", { mode: z.enum(["payment", "setup", "subscription"]) });

/** The object each type we act on must carry (handle-stripe-event.ts reads exactly these). */
export const handledEventObjectSchemas: Readonly<Record<string, z.ZodType>> = {
  "checkout.session.completed": checkoutSessionSchema,
  "checkout.session.async_payment_succeeded": checkoutSessionSchema,
  "checkout.session.async_payment_failed": checkoutSessionSchema,
  "charge.refunded": objectOf("charge"),
  "charge.dispute.created": objectOf("dispute"),
  "charge.dispute.closed": objectOf("dispute"),
  "payment_intent.succeeded": objectOf("payment_intent"),
  "invoice.paid": objectOf("invoice"),
  "invoice.payment_succeeded": objectOf("invoice"),
  "invoice.finalized": objectOf("invoice"),
  "invoice.updated": objectOf("invoice"),
};
