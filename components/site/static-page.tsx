// The frame of the marketing pages served by the Pages Router without any JavaScript (pages/): the same
// banner, header and footer as app/(marketing), and the <head> tags the App Router's metadata API
// writes for the other pages (title, description, canonical URL, Open Graph and Twitter cards), and the
// robots tag that keeps search engines out in the `private` launch mode (these pages skip the proxy).
import Head from "next/head";
import type { ReactNode } from "react";
import type { SiteProps } from "@/lib/site/site-props";
import { DemoBanner } from "./demo-banner";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

export const SITE_NAME = "Tandem";

/** The site's own social card (app/opengraph-image.tsx), for pages without one of their own. */
export const DEFAULT_SOCIAL_CARD = { path: "/opengraph-image", alt: "Tandem: the backend for real-time apps, billed by what you use" };

export type StaticPageMeta = {
  /** The whole <title>. */
  title: string;
  description: string;
  /** The page's path, made absolute against APP_URL for the canonical URL. */
  path: string;
  /** The social card: a path on this site and its text alternative. */
  image: { path: string; alt: string };
  /** The card's title when it differs from <title>. */
  socialTitle?: string;
  article?: { publishedTime: string };
  /** A page reached only from a form or an email (`noindex`, and no canonical URL). */
  noindex?: boolean;
};

/** What every static page needs from the environment, read in getStaticProps (never in the browser). */
export type { SiteProps };

type Props = SiteProps & { meta: StaticPageMeta; children: ReactNode };

export function StaticPage({ meta, appUrl, isDemo, isIndexable, children }: Props) {
  const canonical = meta.path === "/" ? appUrl : `${appUrl}${meta.path}`;
  const image = `${appUrl}${meta.image.path}`;
  const socialTitle = meta.socialTitle ?? meta.title;
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex || !isIndexable ? <meta name="robots" content={isIndexable ? "noindex" : "noindex, nofollow"} /> : null}
        {meta.noindex ? null : <link rel="canonical" href={canonical} />}
        <meta property="og:title" content={socialTitle} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:locale" content="en_US" />
        <meta property="og:type" content={meta.article ? "article" : "website"} />
        {meta.article ? <meta property="article:published_time" content={meta.article.publishedTime} /> : null}
        <meta property="og:image" content={image} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={meta.image.alt} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={socialTitle} />
        <meta name="twitter:description" content={meta.description} />
        <meta name="twitter:image" content={image} />
        <meta name="twitter:image:alt" content={meta.image.alt} />
      </Head>
      <div className="flex min-h-dvh flex-col">
        {isDemo ? <DemoBanner /> : null}
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter isRenderedWhenNear />
      </div>
    </>
  );
}
