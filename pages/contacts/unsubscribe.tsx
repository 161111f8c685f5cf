// GET /contacts/unsubscribe?contact=…&token=… – the link in the footer of every email to a billing
// contact: a page with one button. POST to the same URL unsubscribes and answers the page that says so
// (200): the button, and a mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, sent
// from the provider's servers without cookies or an Origin), are the same request. A link whose token
// is not the contact's is a calm 404 page. Rendered per request, no JavaScript, no sign-in.
import type { GetServerSideProps } from "next";
import { ContactLinkView, CONTACT_LINK_META } from "@/components/contacts/contact-link-view";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { contactsPageCall, type ContactLinkPage } from "@/lib/billing-contacts/contacts-page-call";
import { toWebRequest } from "@/lib/http/to-web-request";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { page: ContactLinkPage; action: string };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query }) => {
  const calls = contactsPageCall.get();
  const page =
    req.method === "POST" ? await calls.unsubscribeContact(toWebRequest(req)) : await calls.viewUnsubscribeLink({ contact: query.contact, token: query.token });
  res.statusCode = page.status;
  if (page.view === "refused" && page.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(page.retryAfterSeconds));
  // The button posts back to this very link (its query names the contact and carries the token).
  const action = `/contacts/unsubscribe?${new URLSearchParams({ contact: String(query.contact ?? ""), token: String(query.token ?? "") })}`;
  return { props: { ...(await siteProps()), page, action } };
};

export default function UnsubscribeContactPage({ page, action, ...site }: Props) {
  return (
    <StaticPage {...site} meta={{ ...CONTACT_LINK_META, title: "Unsubscribe · Tandem", path: "/contacts/unsubscribe" }}>
      <ContactLinkView page={page} action={action} />
    </StaticPage>
  );
}
