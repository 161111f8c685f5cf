import type { SiteProps } from "@/components/site/static-page";
import { getEnv } from "@/lib/env";

/** The environment the static pages render with; read in getStaticProps, at build or regeneration. */
export function siteProps(): SiteProps {
  const env = getEnv();
  return { appUrl: env.appUrl, isDemo: env.isDemo };
}
