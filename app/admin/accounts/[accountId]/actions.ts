"use server";

import { revalidatePath } from "next/cache";
import { closeAccountByOperator } from "@/lib/account-controls/close-account-by-operator";
import {
  accountControlSchema,
  accountOnlySchema,
  closeAccountControlSchema,
} from "@/lib/account-controls/account-control-schemas";
import { endAccountSessions } from "@/lib/account-controls/end-account-sessions";
import { freezeAccount, type AccountControlResult } from "@/lib/account-controls/freeze-account";
import { unfreezeAccount } from "@/lib/account-controls/unfreeze-account";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { deliverPlatformEventsNow } from "@/lib/platform-events/deliver-platform-events";

// The email recorded with the control goes out after the response; the sweep retries it if this fails.
function sendAfter(result: AccountControlResult): void {
  const { emailId } = result;
  if (emailId !== null) runAfterResponse("account-control-email", () => sendOutboxEmailsNow(getDb(), [emailId]));
  // A freeze, unfreeze or closing may change the standing: the platform is told (nothing to send if not).
  runAfterResponse("platform webhooks", () => deliverPlatformEventsNow(getDb(), [result.accountId]));
  revalidatePath(`/admin/accounts/${result.accountId}`);
}

export const freezeAccountAction = validatedAdminAction(
  "freezeAccount",
  accountControlSchema,
  async (input, session) => {
    sendAfter(await freezeAccount(getDb(), session, input));
    return {
      status: "success",
      message: "Frozen. The customer is emailed the reason; a top-up will not lift this freeze.",
    };
  },
);

export const unfreezeAccountAction = validatedAdminAction(
  "unfreezeAccount",
  accountControlSchema,
  async (input, session) => {
    sendAfter(await unfreezeAccount(getDb(), session, input));
    return {
      status: "success",
      message: "Unfrozen. The standing now follows the balance again; the customer is emailed.",
    };
  },
);

export const closeAccountAction = validatedAdminAction(
  "closeAccount",
  closeAccountControlSchema,
  async ({ accountId, reason }, session) => {
    sendAfter(await closeAccountByOperator(getDb(), session, { accountId, reason }));
    return { status: "success", message: "Closed. The customer is emailed; their name and address are now forgotten." };
  },
);

export const endAccountSessionsAction = validatedAdminAction(
  "endAccountSessions",
  accountOnlySchema,
  async ({ accountId }, session) => {
    const ended = await endAccountSessions(getDb(), session, accountId);
    revalidatePath(`/admin/accounts/${accountId}`);
    return { status: "success", message: ended === 1 ? "1 session ended." : `${ended} sessions ended.` };
  },
);
