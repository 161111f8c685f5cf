// What every zero-JS page (pages/) renders with, read in its getStaticProps through a page server call
// (lib/actions/page-server-call.ts): the implementation, which reads the database, is
// lib/site/read-site-props.ts, registered by instrumentation.ts. No `server-only` here, by necessity.
import { pageServerRead } from "@/lib/actions/page-server-call";

/**
 * What every static page renders with (lib/ owns the type: components/ use it, not the reverse).
 * `isIndexable` is false in the `private` launch mode: the page then tells search engines to stay out
 * (`<meta name="robots">`), since the proxy, which sends `X-Robots-Tag` for every other page, does not
 * run for these.
 */
export type SiteProps = { appUrl: string; isDemo: boolean; isIndexable: boolean };

/** How often a zero-JS page is regenerated, so a change of launch mode reaches it within that time. */
export const STATIC_PAGE_REVALIDATE_SECONDS = 15;

export const sitePropsRead = pageServerRead<SiteProps>("siteProps");

/**
 * The environment and launch mode the static pages render with; read in getStaticProps, at build or
 * regeneration. A database error throws: the build fails, and a regeneration keeps the page it had.
 */
export function siteProps(): Promise<SiteProps> {
  return sitePropsRead.read();
}
