// GET /blog/<slug>/opengraph-image – a post's social card, with its title.
import { ogImageSize, renderOgImage } from "@/components/marketing/og-image";
import { findEntry, formatEntryDate, listEntries } from "@/lib/content/get-content";

export const alt = "A post on the Tandem blog";
export const size = ogImageSize;
export const contentType = "image/png";
export const dynamicParams = false;

export function generateStaticParams() {
  return listEntries("blog").map((post) => ({ slug: post.slug }));
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const post = findEntry("blog", (await params).slug);
  return renderOgImage({
    title: post?.title ?? "The Tandem blog",
    subtitle: post ? `Tandem blog · ${formatEntryDate(post.date)}` : "Tandem",
  });
}
