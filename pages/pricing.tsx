// GET /pricing – prerendered, and regenerated at most every 15 seconds when visited, so a card operators
// publish (or one that comes into force on its hour) shows without a redeploy: one small query per
// regeneration. The page ships no JavaScript except the calculator island, loaded when a visitor
// reaches the calculator (islands/pricing-calculator.ts).
import type { GetStaticProps } from "next";
import { PricingContent } from "@/components/marketing/pricing-content";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { islandScript } from "@/lib/islands/island-script";
import type { PublicRateCard } from "@/lib/pricing/estimate";
import { pricingRead } from "@/lib/pricing/pricing-page-call";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { current: PublicRateCard; upcoming: PublicRateCard | null; calculatorScript: string };

export const getStaticProps: GetStaticProps<Props> = async () => {
  const { current, upcoming } = await pricingRead.read();
  return {
    props: { ...(await siteProps()), current, upcoming, calculatorScript: islandScript("pricing-calculator") },
    revalidate: STATIC_PAGE_REVALIDATE_SECONDS,
  };
};

export default function PricingPage({ current, upcoming, calculatorScript, ...site }: Props) {
  return (
    <StaticPage
      {...site}
      meta={{
        title: "Pricing · Tandem",
        description:
          "Public, per-resource prices for Tandem, examples of what real apps cost a month, and a calculator for yours.",
        path: "/pricing",
        image: { path: "/social-cards/pricing.png", alt: "Tandem pricing: pay for what your app uses, by the hour" },
      }}
    >
      <PricingContent current={current} upcoming={upcoming} calculatorScript={calculatorScript} />
    </StaticPage>
  );
}
