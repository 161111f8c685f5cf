// The budget form's zod schema, parsed by the account area's server action (H3) and shared with its
// form. Pure (no `server-only`) so unit tests run it. Amounts are typed like the top-up form's: dollars
// with at most two decimals.
import { z } from "zod";
import { parseDollarsToCents } from "@/lib/input/parse-dollars-to-cents";
import { budgetActions } from "@/lib/db/schema/spend-controls";

/** At least one cent, at most $1,000,000 a month (the CHECK constraint `budgets_amount_range` agrees). */
export const MIN_BUDGET_MICROS = 10_000n;
export const MAX_BUDGET_MICROS = 1_000_000_000_000n;
export const BUDGET_AMOUNT_MESSAGE = "Enter a monthly budget from $0.01 to $1,000,000, in dollars and cents (for example 25 or 12.50).";

/** `account` (the whole account's budget) or a space's id. */
export const budgetTargetSchema = z
  .string({ message: "Choose a space." })
  .trim()
  .max(20)
  .transform((text, context) => {
    if (text === "account") return null;
    if (!/^[1-9]\d{0,17}$/.test(text)) {
      context.addIssue({ code: "custom", message: "Choose a space." });
      return z.NEVER;
    }
    return BigInt(text);
  });

export const budgetAmountSchema = z
  .string({ message: BUDGET_AMOUNT_MESSAGE })
  .max(32, { message: BUDGET_AMOUNT_MESSAGE })
  .transform((text, context) => {
    const cents = parseDollarsToCents(text);
    const micros = cents === undefined ? undefined : BigInt(cents) * 10_000n;
    if (micros === undefined || micros < MIN_BUDGET_MICROS || micros > MAX_BUDGET_MICROS) {
      context.addIssue({ code: "custom", message: BUDGET_AMOUNT_MESSAGE });
      return z.NEVER;
    }
    return micros;
  });

export const budgetActionSchema = z.enum(budgetActions, { message: "Choose what happens at the budget: an alert, or pausing." });

/** The set-budget form: `spaceId` is `account` or a space id, `amount` dollars, `action` alert|pause. */
export const budgetInputSchema = z
  .object({ spaceId: budgetTargetSchema, amount: budgetAmountSchema, action: budgetActionSchema })
  .transform((input) => ({ spaceId: input.spaceId, amountMicros: input.amount, action: input.action }));

export type BudgetInput = z.output<typeof budgetInputSchema>;

/** The remove-budget form: which budget, by its target. */
export const budgetRemovalSchema = z.object({ spaceId: budgetTargetSchema });

export type BudgetRemoval = z.output<typeof budgetRemovalSchema>;

/** Whether a micro-dollar amount is a budget the database accepts: the domain functions refuse others. */
export function isBudgetAmount(micros: bigint): boolean {
  return micros >= MIN_BUDGET_MICROS && micros <= MAX_BUDGET_MICROS;
}
