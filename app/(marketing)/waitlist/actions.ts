"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { withdrawFromWaitlist } from "@/lib/waitlist/withdraw-from-waitlist";
import { joinWaitlistSchema, withdrawFromWaitlistSchema } from "@/lib/waitlist/waitlist-schema";

// The same page for a first join, a second one and an address that has an account already.
export const joinWaitlistAction = validatedAction("joinWaitlist", joinWaitlistSchema, async (input) => {
  await joinWaitlist(getDb(), { ...input, ip: clientIpFrom(await headers()) });
  redirect("/waitlist/joined");
});

export const withdrawFromWaitlistAction = validatedAction("withdrawFromWaitlist", withdrawFromWaitlistSchema, async ({ token }) => {
  await withdrawFromWaitlist(getDb(), token);
  redirect("/waitlist/withdrawn");
});
