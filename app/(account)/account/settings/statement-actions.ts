"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import {
  contactStatementChoiceSchema,
  setContactStatementChoice,
  setStatementChoice,
  statementChoiceSchema,
} from "@/lib/monthly-statements/statement-choices";

// The monthly statement's switches on the settings page: the owner's own, and each billing contact's.
// Both act on the session's own account (the lib functions find it by the session's user id).

export const updateStatementChoiceAction = validatedActionWithSession(
  "updateStatementChoice",
  statementChoiceSchema,
  async ({ monthlyStatement }, session) => {
    await setStatementChoice(getDb(), session, monthlyStatement);
    revalidatePath("/account/settings");
    return {
      status: "success",
      message: monthlyStatement ? "Monthly statements on: the next comes on the 1st." : "Monthly statements off.",
    };
  },
);

export const updateContactStatementAction = validatedActionWithSession(
  "updateContactStatement",
  contactStatementChoiceSchema,
  async (choice, session) => {
    const email = await setContactStatementChoice(getDb(), session, choice);
    revalidatePath("/account/settings");
    return {
      status: "success",
      message: choice.monthlyStatement
        ? `${email} gets the monthly statement from the next 1st.`
        : `${email} no longer gets the monthly statement.`,
    };
  },
);
