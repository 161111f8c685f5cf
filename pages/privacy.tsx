// GET /privacy – content/legal/privacy.md, prerendered and served without
// JavaScript (the Pages Router's unstable_runtimeJS); regenerated at most every 15 seconds so the launch mode's robots tag follows.
import { LegalPage } from "@/components/marketing/legal-page";
import { DEFAULT_SOCIAL_CARD, StaticPage } from "@/components/site/static-page";
import { legalPageProps, type LegalPageProps } from "@/lib/site/legal-page-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps = legalPageProps("privacy");

export default function PrivacyPage({ entry, ...site }: LegalPageProps) {
  return (
    <StaticPage
      {...site}
      meta={{
        title: `${entry.title} · Tandem`,
        description: entry.description,
        path: "/privacy",
        image: DEFAULT_SOCIAL_CARD,
      }}
    >
      <LegalPage entry={entry} />
    </StaticPage>
  );
}
