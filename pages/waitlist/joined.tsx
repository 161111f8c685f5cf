// GET /waitlist/joined – where a join lands (303 from /waitlist/join). Prerendered, no JavaScript.
import type { GetStaticProps } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { WAITLIST_PANEL_META } from "@/components/waitlist/waitlist-panel-meta";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: await siteProps() });

// One answer for every join (first, repeated, or an address with an account), so it reveals nothing.
export default function WaitlistJoinedPage(site: SiteProps) {
  return (
    <StaticPage {...site} meta={{ ...WAITLIST_PANEL_META, title: "You are on the list · Tandem", path: "/waitlist/joined" }}>
      <AuthPanel
        eyebrow="Waitlist"
        title="Thanks, you are on the list"
        lead="If this address was not on the waitlist yet, a confirmation is on its way to it, with a link to leave the list whenever you like."
      >
        <p className="text-sm leading-6 text-ink-soft">
          We invite builders a few at a time. Your invitation will come to the same address, with $5 of credit to start.
        </p>
        <Link href="/" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
          Back to the home page
        </Link>
      </AuthPanel>
    </StaticPage>
  );
}
