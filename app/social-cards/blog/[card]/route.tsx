// GET /social-cards/blog/<slug>.png – a post's social card, with its title (prerendered for every post;
// the post itself is pages/blog/[slug].tsx). Any other name is a 404.
import { renderOgImage } from "@/components/marketing/og-image";
import { findEntry, formatEntryDate, listEntries } from "@/lib/content/get-content";

export const dynamicParams = false;

export function generateStaticParams() {
  return listEntries("blog").map((post) => ({ card: `${post.slug}.png` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ card: string }> }) {
  const post = findEntry("blog", (await params).card.replace(/\.png$/, ""));
  return renderOgImage({
    title: post?.title ?? "The Tandem blog",
    subtitle: post ? `Tandem blog · ${formatEntryDate(post.date)}` : "Tandem",
  });
}
