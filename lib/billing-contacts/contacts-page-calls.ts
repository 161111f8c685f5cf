import "server-only";
import { handleFormPost } from "@/lib/actions/handle-form-post";
import { toActionState } from "@/lib/actions/to-action-state";
import { getDb } from "@/lib/db/client";
import { errorTable } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { BODY_LIMITS, readCappedBodyOrThrow } from "@/lib/http/read-capped-body";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import { confirmBillingContactSchema, unsubscribeLinkSchema } from "./billing-contact-schema";
import { confirmBillingContact, findConfirmLink } from "./confirm-billing-contact";
import { BILLING_CONTACT_LIMITS } from "./contact-rules";
import type { ContactLinkPage, ContactsPageCalls } from "./contacts-page-call";
import { findUnsubscribeLink, unsubscribeBillingContact } from "./unsubscribe-billing-contact";

const DEAD: ContactLinkPage = { view: "dead", status: 404 };

// The links' POSTs come from people who are not signed in: limited per client address, like the
// waitlist (proxy.ts has already dropped a client-sent X-Forwarded-For when no proxy is trusted).
function limitLinkPosts(request: Request, what: "confirm" | "unsubscribe"): Promise<void> {
  const ip = clientIpFrom(request.headers);
  return consumeRateLimits(getDb(), [{ bucket: `billing-contacts:${what}:ip:${ip}`, ...BILLING_CONTACT_LIMITS.linkPostsPerIp }], "tries from this address");
}

async function viewConfirmLink(token: unknown): Promise<ContactLinkPage> {
  const parsed = confirmBillingContactSchema.safeParse({ token });
  if (!parsed.success) return DEAD;
  const link = await findConfirmLink(getDb(), parsed.data.token);
  return link ? { view: "confirm", status: 200, token: parsed.data.token, ...link } : DEAD;
}

async function viewUnsubscribeLink(query: { contact?: unknown; token?: unknown }): Promise<ContactLinkPage> {
  const parsed = unsubscribeLinkSchema.safeParse(query);
  if (!parsed.success) return DEAD;
  const view = await findUnsubscribeLink(getDb(), parsed.data);
  if (!view) return DEAD;
  if (view.state === "unsubscribed") return { view: "unsubscribed", status: 200 };
  return { view: "unsubscribe", status: 200, contactEmail: view.contactEmail, accountLabel: view.accountLabel };
}

/**
 * An unsubscribe POST: the link's query names the contact and carries its token, so the body is not
 * needed (RFC 8058 sends `List-Unsubscribe=One-Click`, the page's button the same); it is still read
 * within the public forms' cap. No Origin check and no cookie: a mail provider posts from its servers.
 */
async function unsubscribeContact(request: Request): Promise<ContactLinkPage> {
  try {
    await readCappedBodyOrThrow(request, BODY_LIMITS.publicForm);
    const url = new URL(request.url);
    const parsed = unsubscribeLinkSchema.safeParse({ contact: url.searchParams.get("contact") ?? undefined, token: url.searchParams.get("token") ?? undefined });
    if (!parsed.success) return DEAD;
    await limitLinkPosts(request, "unsubscribe");
    await unsubscribeBillingContact(getDb(), parsed.data);
    return { view: "unsubscribed", status: 200 };
  } catch (error) {
    const state = toActionState(error, { action: "unsubscribeBillingContact" });
    if (state.status !== "error") throw error;
    if (state.code === "not_found") return DEAD;
    return { view: "refused", status: errorTable[state.code].status, message: state.message, ...(state.retryAfterSeconds !== undefined ? { retryAfterSeconds: state.retryAfterSeconds } : {}) };
  }
}

/** What the zero-JS link pages (pages/contacts) call on the server, registered by instrumentation.ts. */
export const contactsPageCalls: ContactsPageCalls = {
  viewConfirmLink,
  confirmContact: (request) =>
    handleFormPost(request, {
      name: "confirmBillingContact",
      schema: confirmBillingContactSchema,
      handler: async ({ token }) => {
        await limitLinkPosts(request, "confirm");
        await confirmBillingContact(getDb(), token);
        return "/contacts/confirm?confirmed=1";
      },
    }),
  viewUnsubscribeLink,
  unsubscribeContact,
};
