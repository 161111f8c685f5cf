import "server-only";
import { handleFormPost } from "@/lib/actions/handle-form-post";
import type { PageServerCalls } from "@/lib/actions/page-server-calls";
import { getDb } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { joinWaitlist } from "./join-waitlist";
import { joinWaitlistSchema, withdrawFromWaitlistSchema } from "./waitlist-schema";
import { isWithdrawTokenLive, withdrawFromWaitlist } from "./withdraw-from-waitlist";

/**
 * What the zero-JS waitlist pages (pages/waitlist) call on the server, registered by instrumentation.ts
 * (see lib/actions/page-server-calls.ts for why they are not imported by the pages).
 */
export const waitlistPageCalls: PageServerCalls = {
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
