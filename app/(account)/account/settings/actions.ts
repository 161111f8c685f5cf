"use server";

import { revalidatePath } from "next/cache";
import { closeAccount, closeAccountSchema } from "@/lib/account/close-account";
import { alertChoicesSchema, displayNameSchema, setAlertChoices, setLowBalanceThreshold, thresholdSchema, updateDisplayName } from "@/lib/account/update-settings";
import { setSpendAlertChoices, spendAlertChoicesSchema } from "@/lib/account/update-settings";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { signOut } from "@/lib/auth/auth";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { formatCents } from "@/lib/format/money";
import { setTimeZone } from "@/lib/account/set-time-zone";
import { timeZoneSchema } from "@/lib/settings/time-zone";
import { getDb } from "@/lib/db/client";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { deliverPlatformEventsNow } from "@/lib/platform-events/deliver-platform-events";

export const updateNameAction = validatedActionWithSession("updateName", displayNameSchema, async ({ name }, session) => {
  await updateDisplayName(getDb(), session, name);
  revalidatePath("/account/settings");
  return { status: "success", message: name === "" ? "Name removed." : `Saved: we will call you ${name}.` };
});

export const updateThresholdAction = validatedActionWithSession("updateThreshold", thresholdSchema, async ({ threshold }, session) => {
  const db = getDb();
  const changes = await setLowBalanceThreshold(db, session, threshold);
  if (changes.length > 0) {
    const accountIds = changes.map((change) => change.accountId);
    runAfterResponse("standing emails", () => notifyStandingChanges(db, { accountIds }));
    runAfterResponse("platform webhooks", () => deliverPlatformEventsNow(db, accountIds));
  }
  revalidatePath("/account", "layout");
  const moved = changes[0] ? ` Your standing changed from ${changes[0].from} to ${changes[0].to}.` : "";
  return { status: "success", message: `Low-balance alert set to ${formatCents(threshold)}.${moved}` };
});

export const updateTimeZoneAction = validatedActionWithSession("updateTimeZone", timeZoneSchema, async ({ timeZone }, session) => {
  const saved = await setTimeZone(getDb(), session, timeZone);
  revalidatePath("/account", "layout");
  return { status: "success", message: `Time zone set to ${saved}: dates in your account show in it.` };
});

export const updateAlertsAction = validatedActionWithSession("updateAlerts", alertChoicesSchema, async (choices, session) => {
  await setAlertChoices(getDb(), session, choices);
  return { status: "success", message: "Email choices saved." };
});

export const updateSpendAlertsAction = validatedActionWithSession("updateSpendAlerts", spendAlertChoicesSchema, async (choices, session) => {
  await setSpendAlertChoices(getDb(), session, choices);
  revalidatePath("/account", "layout");
  return { status: "success", message: "Spend alerts saved." };
});

export const closeAccountAction = validatedActionWithSession("closeAccount", closeAccountSchema, async (_input, session) => {
  await closeAccount(getDb(), session);
  // Its sessions are gone already; signOut clears this browser's cookie and leaves.
  await signOut({ redirectTo: "/account/closed" });
});
