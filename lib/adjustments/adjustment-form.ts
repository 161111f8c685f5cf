// The adjustment form's fields, parsed by its server action (app/admin/accounts/[accountId]/adjust).
// Pure (no `server-only`): unit tests run it, and the amount parser is the top-ups' exact one.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { parseDollarsToCents } from "@/lib/input/parse-dollars-to-cents";
import { adjustmentDirections } from "@/lib/db/schema/adjustment-requests";

const MICROS_PER_CENT = 10_000n;
/** $1,000,000: far above any honest correction, low enough that a slipped finger is refused. */
export const MAX_ADJUSTMENT_CENTS = 100_000_000;
export const AMOUNT_MESSAGE =
  "Enter an amount in dollars, from $0.01 to $1,000,000, with at most two decimals (e.g. 12.50).";

export const adjustmentAmountSchema = z.string({ error: AMOUNT_MESSAGE }).transform((text, context) => {
  const cents = parseDollarsToCents(text);
  if (cents === undefined || cents < 1 || cents > MAX_ADJUSTMENT_CENTS) {
    context.addIssue({ code: "custom", message: AMOUNT_MESSAGE });
    return z.NEVER;
  }
  return BigInt(cents) * MICROS_PER_CENT;
});

export const adjustmentFormSchema = z.object({
  accountId: z.string().regex(/^acct_[0-9A-Za-z]{1,64}$/, { error: "Unknown account." }),
  // One per rendering of the form: a double submit, a retried post or a second tab of the same form
  // posts once (lib/adjustments/request-adjustment.ts).
  idempotencyKey: z.uuid({ error: "This form has expired. Reload the page and try again." }),
  direction: z.enum(adjustmentDirections, { error: "Choose credit or debit." }),
  amount: adjustmentAmountSchema,
  reason: formTextSchema(
    z
      .string({ error: "Say why, for the other operators." })
      .trim()
      .min(3, { error: "Say why, for the other operators (at least 3 characters)." })
      .max(500, { error: "Keep the reason under 500 characters." }),
    "The reason",
    { allowLineBreaks: true },
  ),
  note: formTextSchema(z.string().trim().max(500, { error: "Keep the note under 500 characters." }), "The note", {
    allowLineBreaks: true,
  })
    .optional()
    .transform((value) => (value === undefined || value === "" ? undefined : value)),
  allowFreeze: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export type AdjustmentForm = z.output<typeof adjustmentFormSchema>;
