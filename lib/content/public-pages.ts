import "server-only";
import { listEntries } from "./get-content";

export type PublicPage = { path: string; lastModified?: string };

/** Every public page of the marketing site, for the sitemap (and the end-to-end crawl's expectations). */
export function listPublicPages(): PublicPage[] {
  const posts = listEntries("blog");
  const changes = listEntries("changelog");
  return [
    { path: "/" },
    { path: "/pricing" },
    { path: "/blog", lastModified: posts[0]?.date },
    ...posts.map((post) => ({ path: `/blog/${post.slug}`, lastModified: post.date })),
    { path: "/changelog", lastModified: changes[0]?.date },
    { path: "/waitlist" },
    { path: "/invite" },
    ...listEntries("legal").map((page) => ({ path: `/${page.slug}`, lastModified: page.date })),
  ];
}
