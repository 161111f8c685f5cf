"use server";

import { noInputSchema, validatedAction, validatedActionWithSession } from "@/lib/actions/validated-action";
import { revokeAllSessions } from "@/lib/session/auth-sessions";
import { signOut } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

export const signOutAction = validatedAction("signOut", noInputSchema, async () => {
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
});

export const signOutEverywhereAction = validatedActionWithSession("signOutEverywhere", noInputSchema, async (_input, session) => {
  await revokeAllSessions(getDb(), session);
  // This session is gone already; signOut clears its cookie and redirects.
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
});
