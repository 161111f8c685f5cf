// GET / – prerendered at build and served without JavaScript (the Pages Router's unstable_runtimeJS);
// regenerated at most every 15 seconds so the launch mode's robots tag follows.
import type { GetStaticProps } from "next";
import { HomeContent } from "@/components/marketing/home-content";
import { DEFAULT_SOCIAL_CARD, StaticPage, type SiteProps } from "@/components/site/static-page";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({
  props: await siteProps(),
  revalidate: STATIC_PAGE_REVALIDATE_SECONDS,
});

export default function HomePage(props: SiteProps) {
  return (
    <StaticPage
      {...props}
      meta={{
        title: "Tandem: real-time backends, billed by what you use",
        description:
          "A hosted backend for live documents, multiplayer games and collaborative state. Prepaid, metered by the hour, with limits that protect your wallet.",
        path: "/",
        image: DEFAULT_SOCIAL_CARD,
      }}
    >
      <HomeContent />
    </StaticPage>
  );
}
