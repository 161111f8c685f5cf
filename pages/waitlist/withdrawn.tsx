// GET /waitlist/withdrawn – where leaving the waitlist lands (303 from /waitlist/withdraw). Prerendered, no JavaScript.
import type { GetStaticProps } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { WAITLIST_PANEL_META } from "@/components/waitlist/waitlist-panel-meta";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: await siteProps() });

export default function WaitlistWithdrawnPage(site: SiteProps) {
  return (
    <StaticPage {...site} meta={{ ...WAITLIST_PANEL_META, title: "You left the waitlist · Tandem", path: "/waitlist/withdrawn" }}>
      <AuthPanel eyebrow="Waitlist" title="You are off the waitlist" lead="We will not send an invitation to this address. Nothing else is kept about your request.">
        <Link href="/waitlist" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
          Changed your mind? Join again
        </Link>
      </AuthPanel>
    </StaticPage>
  );
}
