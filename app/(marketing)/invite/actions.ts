"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { redeemInviteCode } from "@/lib/invites/redeem-invite-code";
import { redeemInviteCodeSchema } from "@/lib/invites/redeem-invite-code-schema";

export const redeemInviteCodeAction = validatedAction("redeemInviteCode", redeemInviteCodeSchema, async (input) => {
  await redeemInviteCode(getDb(), { ...input, ip: clientIpFrom(await headers()) });
  redirect("/invite/sent");
});
