import { getEnv } from "@/lib/env";

/** What every static page renders with (lib/ owns the type: components/ use it, not the reverse). */
export type SiteProps = { appUrl: string; isDemo: boolean };

/** The environment the static pages render with; read in getStaticProps, at build or regeneration. */
export function siteProps(): SiteProps {
  const env = getEnv();
  return { appUrl: env.appUrl, isDemo: env.isDemo };
}
