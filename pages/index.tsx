// GET / – prerendered at build and served without JavaScript (the Pages Router's unstable_runtimeJS).
import type { GetStaticProps } from "next";
import { HomeContent } from "@/components/marketing/home-content";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = () => ({ props: siteProps() });

export default function HomePage(props: SiteProps) {
  return (
    <StaticPage
      {...props}
      meta={{
        title: "Tandem: real-time backends, billed by what you use",
        description:
          "A hosted backend for live documents, multiplayer games and collaborative state. Prepaid, metered by the hour, with limits that protect your wallet.",
        path: "/",
        image: { path: "/opengraph-image", alt: "Tandem: the backend for real-time apps, billed by what you use" },
      }}
    >
      <HomeContent />
    </StaticPage>
  );
}
