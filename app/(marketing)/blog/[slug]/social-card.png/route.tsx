// GET /blog/<slug>/social-card.png – a post's social card, with its title (prerendered for every post).
// A route rather than the opengraph-image convention: the post pages are in the Pages Router
// (pages/blog/[slug].tsx), which links the card by this stable address.
import { renderOgImage } from "@/components/marketing/og-image";
import { findEntry, formatEntryDate, listEntries } from "@/lib/content/get-content";

export const dynamicParams = false;

export function generateStaticParams() {
  return listEntries("blog").map((post) => ({ slug: post.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const post = findEntry("blog", (await params).slug);
  return renderOgImage({
    title: post?.title ?? "The Tandem blog",
    subtitle: post ? `Tandem blog · ${formatEntryDate(post.date)}` : "Tandem",
  });
}
