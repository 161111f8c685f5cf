import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import type { StaticPageMeta } from "@/components/site/static-page";
import type { ContactLinkPage } from "@/lib/billing-contacts/contacts-page-call";

/** The <head> of the link pages: reached only from an email, so `noindex`, with the site's own card. */
export const CONTACT_LINK_META: Omit<StaticPageMeta, "title" | "path"> = {
  description: "Billing contacts of a Tandem account get its receipts and spend alerts without signing in.",
  image: { path: "/opengraph-image", alt: "Tandem: the backend for real-time apps, billed by what you use" },
  noindex: true,
};

const button = "w-full rounded-lg px-4 py-2 text-sm font-semibold";
const eyebrow = "Billing contact";

function ErrorLine({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger">
      {message}
    </p>
  ) : null;
}

const home = (
  <Link href="/" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
    Go to Tandem
  </Link>
);

/**
 * What a billing contact's link shows, without JavaScript: the question and its one button (a plain
 * form post, so a mail scanner that only opens links changes nothing), the outcome, or a calm "this link
 * does not work" for anything else.
 */
export function ContactLinkView({ page, action }: { page: ContactLinkPage; action: string }) {
  switch (page.view) {
    case "confirm":
      return (
        <AuthPanel
          eyebrow={eyebrow}
          title="Confirm this address?"
          lead={
            <>
              <strong className="break-all text-ink">{page.contactEmail}</strong> will get the payment receipts and spend alerts of the Tandem
              account of <strong className="text-ink">{page.accountLabel}</strong>, without signing in. Every email has a link to stop them.
            </>
          }
        >
          <form method="post" action={action} className="space-y-3">
            <input type="hidden" name="token" value={page.token} />
            <ErrorLine message={page.state?.status === "error" ? page.state.message : undefined} />
            <button type="submit" className={`${button} bg-brand text-on-brand hover:bg-brand-strong`}>
              Confirm and get receipts
            </button>
          </form>
          <p className="text-sm leading-6 text-ink-soft">Not expecting this? Close the page: nothing is sent unless you confirm.</p>
        </AuthPanel>
      );
    case "confirmed":
      return (
        <AuthPanel eyebrow={eyebrow} title="Address confirmed" lead="This address now gets the account's receipts and spend alerts. Each has a link to unsubscribe.">
          {home}
        </AuthPanel>
      );
    case "unsubscribe":
      return (
        <AuthPanel
          eyebrow={eyebrow}
          title="Stop these emails?"
          lead={
            <>
              <strong className="break-all text-ink">{page.contactEmail}</strong> gets the receipts and spend alerts of the Tandem account of{" "}
              <strong className="text-ink">{page.accountLabel}</strong>. Unsubscribe and nothing more is sent to it.
            </>
          }
        >
          <form method="post" action={action} className="space-y-3">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <ErrorLine message={page.state?.status === "error" ? page.state.message : undefined} />
            <button type="submit" className={`${button} border border-danger/40 bg-paper text-danger hover:bg-danger/10`}>
              Unsubscribe
            </button>
          </form>
        </AuthPanel>
      );
    case "unsubscribed":
      return (
        <AuthPanel eyebrow={eyebrow} title="You are unsubscribed" lead="Nothing more from this account is sent to this address. The account's owner can add it again; you would be asked to confirm first.">
          {home}
        </AuthPanel>
      );
    case "refused":
      return (
        <AuthPanel eyebrow={eyebrow} title="Not done yet" lead={page.message}>
          <a href={action} className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
            Back to the link
          </a>
        </AuthPanel>
      );
    case "dead":
      return (
        <AuthPanel
          eyebrow={eyebrow}
          title="This link does not work"
          lead="It was used already, it expired, or it was not copied whole. If you expected receipts, ask the account's owner to send a new link."
        >
          {home}
        </AuthPanel>
      );
  }
}
