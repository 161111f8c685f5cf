// The operator's account-control forms (freeze, unfreeze, close, end sessions), parsed on the server.
// No `server-only`: plain zod, shared by the forms and the actions.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";

/** A billing account id as the site makes them (`acct_` and base32); anything else is no account. */
export const accountIdSchema = z.string().regex(/^acct_[0-9A-Za-z]{1,64}$/, { error: "Unknown account." });

/** Why the operator acts: required, and the customer reads it in the email the action sends. */
export const controlReasonSchema = formTextSchema(
  z
    .string({ error: "Give a reason." })
    .trim()
    .min(3, { error: "Give a reason (at least 3 characters): the customer reads it." })
    .max(500, { error: "Keep the reason under 500 characters." }),
  "The reason",
);

export const accountControlSchema = z.object({ accountId: accountIdSchema, reason: controlReasonSchema });
export type AccountControl = z.infer<typeof accountControlSchema>;

export const accountOnlySchema = z.object({ accountId: accountIdSchema });

/** Closing cannot be undone: the operator types CLOSE as the customer does on their own closing form. */
export const closeAccountControlSchema = accountControlSchema.extend({
  confirm: z
    .string({ error: "Type CLOSE to confirm." })
    .trim()
    .refine((value) => value.toLowerCase() === "close", { error: "Type CLOSE to confirm." }),
});
