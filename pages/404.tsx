// The 404 page of the Pages Router (an unknown blog post), the same as app/not-found.tsx.
import type { GetStaticProps } from "next";
import Head from "next/head";
import { DemoBanner } from "@/components/site/demo-banner";
import { NotFoundContent } from "@/components/site/not-found-content";
import type { SiteProps } from "@/components/site/static-page";
import { siteProps } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: await siteProps() });

export default function NotFoundPage({ isDemo }: SiteProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Page not found · Tandem</title>
      </Head>
      <div className="flex min-h-dvh flex-col">
        {isDemo ? <DemoBanner /> : null}
        <NotFoundContent />
      </div>
    </>
  );
}
