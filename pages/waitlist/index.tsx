// GET /waitlist – prerendered, and regenerated at most every 15 seconds when visited, like pricing: closing
// the waitlist (the `private` launch mode) shows here within 15 seconds, and joinWaitlist refuses at once.
// No JavaScript: the form posts as plain HTML to /waitlist/join.
import type { GetStaticProps } from "next";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { WAITLIST_META, WaitlistContent } from "@/components/waitlist/waitlist-content";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";
import { waitlistClosedRead } from "@/lib/waitlist/waitlist-page-call";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { isClosed: boolean };

export const getStaticProps: GetStaticProps<Props> = async () => {
  const isClosed = await waitlistClosedRead.read();
  return { props: { ...(await siteProps()), isClosed }, revalidate: STATIC_PAGE_REVALIDATE_SECONDS };
};

export default function WaitlistPage({ isClosed, ...site }: Props) {
  return (
    <StaticPage {...site} meta={WAITLIST_META}>
      <WaitlistContent isClosed={isClosed} />
    </StaticPage>
  );
}
