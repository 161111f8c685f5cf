"use server";

import { z } from "zod";
import { validatedAction, validatedActionWithSession } from "@/lib/actions/validated-action";
import { revokeAllSessions } from "@/lib/auth/auth-sessions";
import { signOut } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

const noInput = z.object({});

export const signOutAction = validatedAction("signOut", noInput, async () => {
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
});

export const signOutEverywhereAction = validatedActionWithSession("signOutEverywhere", noInput, async (_input, session) => {
  await revokeAllSessions(getDb(), session);
  // This session is gone already; signOut clears its cookie and redirects.
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
});
