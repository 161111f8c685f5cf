// GET /robots.txt – follows the launch mode: in `private` nothing may be crawled; otherwise everything
// public may, but not the account, admin and sign-in areas or the API.
import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";
import { isIndexingAllowed } from "@/lib/security/is-indexing-allowed";

export const revalidate = 15;

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { appUrl } = getEnv();
  if (!(await isIndexingAllowed())) return { rules: { userAgent: "*", disallow: "/" } };
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/admin", "/api/", "/sign-in", "/contacts/"] },
    sitemap: `${appUrl}/sitemap.xml`,
    host: appUrl,
  };
}
