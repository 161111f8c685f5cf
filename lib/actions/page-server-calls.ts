// The seam between the zero-JS pages of the Pages Router and the server-only domain. Next refuses, at build,
// any module reachable from pages/ that imports "server-only" ("only available in Server Components in the
// App Router"), and every domain module carries that marker. So the server calls those pages make at request
// time are registered here by instrumentation.ts when the server starts (the implementations are in
// lib/waitlist/waitlist-page-calls.ts), and a page's getServerSideProps looks them up. Only types cross this
// file: no domain code is bundled into pages/, and the marker keeps guarding every client bundle.
// No `server-only` here, by necessity; nothing here reads anything.
import type { ActionState } from "./action-state";

/** What a form posted to a zero-JS page comes to: a redirect (post/redirect/get) or the form again. */
export type FormPostResult =
  | { kind: "redirect"; location: string }
  | {
      kind: "error";
      /** The HTTP status of the page that shows the form again (from lib/errors.ts's table). */
      status: number;
      state: Extract<ActionState, { status: "error" }>;
      /** What was sent, to fill the form in again. */
      values: Record<string, string>;
    };

export type FormPostHandler = (request: Request) => Promise<FormPostResult>;

export type PageServerCalls = {
  joinWaitlist: FormPostHandler;
  withdrawFromWaitlist: FormPostHandler;
  isWithdrawLinkLive: (token: string) => Promise<boolean>;
};

// On globalThis: instrumentation.ts and each page are separate bundles, each with its own copy of this module.
const KEY = Symbol.for("tandem.pageServerCalls");
type Registry = { [KEY]?: PageServerCalls };

/** Called once per server process, by instrumentation.ts's register(). */
export function registerPageServerCalls(calls: PageServerCalls): void {
  (globalThis as Registry)[KEY] = calls;
}

/** The registered calls; throws (a system error, logged by onRequestError) if the server did not register them. */
export function getPageServerCallsOrThrow(): PageServerCalls {
  const calls = (globalThis as Registry)[KEY];
  if (!calls) throw new Error("The page server calls are not registered: instrumentation.ts register() has not run in this process.");
  return calls;
}
