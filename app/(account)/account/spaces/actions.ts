"use server";

import { revalidatePath } from "next/cache";
import { describeBudgetLimit } from "@/lib/account/budget-sentences";
import { removeOwnBudget } from "@/lib/account/remove-own-budget";
import { setOwnBudget } from "@/lib/account/set-own-budget";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { budgetInputSchema, budgetRemovalSchema } from "@/lib/budgets/budget-schemas";
import { getDb } from "@/lib/db/client";

export const saveBudgetAction = validatedActionWithSession("saveBudget", budgetInputSchema, async (input, session) => {
  const saved = await setOwnBudget(getDb(), session, input);
  // The whole area: the dashboard's paused-spaces notice and the spaces page both read the budget.
  revalidatePath("/account", "layout");
  const scope =
    saved.spaceName === null ? { kind: "account" as const } : { kind: "space" as const, name: saved.spaceName };
  return {
    status: "success",
    message: `Budget saved. ${describeBudgetLimit({ scope, amountMicros: input.amountMicros, action: input.action, now: new Date() })}`,
  };
});

export const removeBudgetAction = validatedActionWithSession(
  "removeBudget",
  budgetRemovalSchema,
  async (input, session) => {
    const removed = await removeOwnBudget(getDb(), session, input);
    revalidatePath("/account", "layout");
    return {
      status: "success",
      message:
        removed.spaceName === null
          ? "The account's budget is removed."
          : `The budget of ${removed.spaceName} is removed.`,
    };
  },
);
