// GET /sitemap.xml – the public pages, with canonical URLs from APP_URL; empty while the launch mode
// is `private` (robots.txt then disallows everything too).
import type { MetadataRoute } from "next";
import { listPublicPages } from "@/lib/content/public-pages";
import { getEnv } from "@/lib/env";
import { isIndexingAllowed } from "@/lib/security/is-indexing-allowed";

export const revalidate = 15;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  if (!(await isIndexingAllowed())) return [];
  const { appUrl } = getEnv();
  return listPublicPages().map((page) => ({
    url: `${appUrl}${page.path === "/" ? "" : page.path}`,
    ...(page.lastModified ? { lastModified: page.lastModified } : {}),
  }));
}
