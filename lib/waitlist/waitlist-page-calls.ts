import "server-only";
import { handleFormPost } from "@/lib/actions/handle-form-post";
import { getDb } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { joinWaitlist } from "./join-waitlist";
import type { WaitlistPageCalls } from "./waitlist-page-call";
import { joinWaitlistSchema, withdrawFromWaitlistSchema } from "./waitlist-schema";
import { isWithdrawTokenLive, withdrawFromWaitlist } from "./withdraw-from-waitlist";

/**
 * What the zero-JS waitlist pages (pages/waitlist) call on the server, registered by instrumentation.ts
 * (see lib/actions/page-server-call.ts for why they are not imported by the pages).
 */
export const waitlistPageCalls: WaitlistPageCalls = {
  // The same answer for a first join, a second one and an address that has an account already.
  joinWaitlist: (request) =>
    handleFormPost(request, {
      name: "joinWaitlist",
      schema: joinWaitlistSchema,
      handler: async (input) => {
        // proxy.ts has already dropped a client-sent X-Forwarded-For when no trusted proxy is configured.
        await joinWaitlist(getDb(), { ...input, ip: clientIpFrom(request.headers) });
        return "/waitlist/joined";
      },
    }),
  withdrawFromWaitlist: (request) =>
    handleFormPost(request, {
      name: "withdrawFromWaitlist",
      schema: withdrawFromWaitlistSchema,
      handler: async ({ token }) => {
        await withdrawFromWaitlist(getDb(), token);
        return "/waitlist/withdrawn";
      },
    }),
  isWithdrawLinkLive: (token) => isWithdrawTokenLive(getDb(), token),
};

/** The implementation of waitlistClosedRead (lib/waitlist/waitlist-page-call.ts). */
export async function isWaitlistClosed(): Promise<boolean> {
  return (await getLaunchSettings(getDb())).launchMode === "private";
}
