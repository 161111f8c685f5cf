// The zod schema of the top-up form, parsed by its server action, and the cents → micros boundary.
// Pure (no `server-only`) so unit tests run it; the client form reads only ./top-up-limits.
import { z } from "zod";
import { parseDollarsToCents } from "@/lib/input/parse-dollars-to-cents";
import { CUSTOM_AMOUNT_MESSAGE, MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS, TOP_UP_PRESETS_USD } from "./top-up-limits";
// Shared with the operators' welcome-credit form (lib/settings), which sits below payments.
export { parseDollarsToCents };

const presetValues = ["custom", ...TOP_UP_PRESETS_USD.map(String)] as [string, ...string[]];

export const topUpFormSchema = z
  .object({
    preset: z.enum(presetValues, { message: "Choose an amount." }),
    customAmount: z.string().max(32).optional(),
    // One per rendering of the form: the Stripe idempotency key, so a resubmitted form reuses its session.
    attemptId: z.uuid({ message: "This form has expired. Reload the page and try again." }),
    // "Save this card for auto-recharge": the session asks Stripe to keep the card (off-session use).
    saveCard: z.literal("on").optional(),
  })
  .transform((input, context) => {
    const saveCard = input.saveCard === "on" ? { saveCard: true } : {};
    if (input.preset !== "custom") return { amountCents: Number(input.preset) * 100, attemptId: input.attemptId, ...saveCard };
    const cents = parseDollarsToCents(input.customAmount ?? "");
    if (cents === undefined || cents < MIN_TOP_UP_CENTS || cents > MAX_TOP_UP_CENTS) {
      context.addIssue({ code: "custom", path: ["customAmount"], message: CUSTOM_AMOUNT_MESSAGE });
      return z.NEVER;
    }
    return { amountCents: cents, attemptId: input.attemptId, ...saveCard };
  });

export type TopUpForm = z.output<typeof topUpFormSchema>;

/** Stripe's integer cents as ledger micro-dollars: the only place the two units meet. */
export function centsToMicros(cents: number): bigint {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  return BigInt(cents) * 10_000n;
}
