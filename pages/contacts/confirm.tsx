// GET /contacts/confirm?token=… – the link in a new billing contact's confirmation email. Opening it
// changes nothing (mail scanners open links); the button does: POST /contacts/confirm confirms the
// address and answers 303 to /contacts/confirm?confirmed=1. A link that names nobody (tampered, used,
// expired) is a calm 404 page. Rendered per request, no JavaScript, no sign-in.
import type { GetServerSideProps } from "next";
import { ContactLinkView, CONTACT_LINK_META } from "@/components/contacts/contact-link-view";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { contactsPageCall, type ContactLinkPage } from "@/lib/billing-contacts/contacts-page-call";
import { toWebRequest } from "@/lib/http/to-web-request";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { page: ContactLinkPage };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query }) => {
  const calls = contactsPageCall.get();
  let page: ContactLinkPage;
  if (req.method === "POST") {
    const result = await calls.confirmContact(toWebRequest(req));
    if (result.kind === "redirect") return { redirect: { destination: result.location, statusCode: 303 } };
    // A token that is not a live link: the same page as opening a dead link. Anything else (another
    // site's post, too many tries): the question again, with the reason.
    const again = result.state.code === "not_found" || result.state.code === "validation_failed" ? undefined : await calls.viewConfirmLink(result.values.token);
    page = again?.view === "confirm" ? { ...again, state: result.state } : { view: "dead", status: 404 };
    res.statusCode = again?.view === "confirm" ? result.status : 404;
    if (result.state.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(result.state.retryAfterSeconds));
  } else {
    page = query.confirmed === "1" ? { view: "confirmed", status: 200 } : await calls.viewConfirmLink(query.token);
    res.statusCode = page.status;
  }
  return { props: { ...(await siteProps()), page } };
};

export default function ConfirmContactPage({ page, ...site }: Props) {
  return (
    <StaticPage {...site} meta={{ ...CONTACT_LINK_META, title: "Confirm a billing contact · Tandem", path: "/contacts/confirm" }}>
      <ContactLinkView page={page} action="/contacts/confirm" />
    </StaticPage>
  );
}
