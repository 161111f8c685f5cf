// What the zero-JS waitlist pages (pages/waitlist) call on the server: the handle they import, without the
// implementation (lib/waitlist/waitlist-page-calls.ts, registered by instrumentation.ts; see
// lib/actions/page-server-call.ts for why). No `server-only` here, by necessity; nothing here reads.
import { pageServerCall, pageServerRead, type FormPostHandler } from "@/lib/actions/page-server-call";

export type WaitlistPageCalls = {
  joinWaitlist: FormPostHandler;
  withdrawFromWaitlist: FormPostHandler;
  isWithdrawLinkLive: (token: string) => Promise<boolean>;
};

export const waitlistPageCall = pageServerCall<WaitlistPageCalls>("waitlist");

/** The `private` launch mode closes the waitlist: /waitlist (prerendered) says so instead of showing the form. */
export const waitlistClosedRead = pageServerRead<boolean>("waitlistClosed");
