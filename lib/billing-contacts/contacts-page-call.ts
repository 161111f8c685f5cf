// What the zero-JS billing-contact link pages (pages/contacts) call on the server: the handle they
// import, without the implementation (lib/billing-contacts/contacts-page-calls.ts, registered by
// instrumentation.ts; see lib/actions/page-server-call.ts for why). No `server-only` here, by
// necessity; nothing here reads.
import type { ActionState } from "@/lib/actions/action-state";
import { pageServerCall, type FormPostHandler } from "@/lib/actions/page-server-call";

/** A link's page: what it shows, with the HTTP status to answer. */
export type ContactLinkPage =
  | { view: "confirm"; status: 200; token: string; contactEmail: string; accountLabel: string; state?: ActionState }
  | { view: "confirmed"; status: 200 }
  | { view: "unsubscribe"; status: 200; contactEmail: string; accountLabel: string; state?: ActionState }
  | { view: "unsubscribed"; status: 200 }
  /** A link that names nobody (tampered, used, expired, removed): a calm 404. */
  | { view: "dead"; status: 404 }
  /** A refusal that is not about the link (too many tries): its message and status. */
  | { view: "refused"; status: number; message: string; retryAfterSeconds?: number };

export type ContactsPageCalls = {
  /** GET /contacts/confirm?token=… */
  viewConfirmLink: (token: unknown) => Promise<ContactLinkPage>;
  /** POST /contacts/confirm (the page's button): a redirect to the confirmed page, or the form again. */
  confirmContact: FormPostHandler;
  /** GET /contacts/unsubscribe?contact=…&token=… */
  viewUnsubscribeLink: (query: { contact?: unknown; token?: unknown }) => Promise<ContactLinkPage>;
  /** POST /contacts/unsubscribe?contact=…&token=… (the page's button, or RFC 8058 one-click). */
  unsubscribeContact: (request: Request) => Promise<ContactLinkPage>;
};

export const contactsPageCall = pageServerCall<ContactsPageCalls>("billingContacts");
