import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownBody } from "@/components/marketing/markdown-body";
import { findEntry, formatEntryDate, listEntries } from "@/lib/content/get-content";

type Props = { params: Promise<{ slug: string }> };

// Every post is prerendered; any other slug is the 404 page.
export const dynamicParams = false;

export function generateStaticParams() {
  return listEntries("blog").map((post) => ({ slug: post.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = findEntry("blog", (await params).slug);
  if (!post) return {};
  return {
    title: post.title,
    description: post.description,
    alternates: { canonical: `/blog/${post.slug}` },
    openGraph: { type: "article", publishedTime: post.date, title: post.title, description: post.description },
  };
}

export default async function BlogPostPage({ params }: Props) {
  const post = findEntry("blog", (await params).slug);
  if (!post) notFound();
  return (
    <article className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <p className="text-sm">
        <Link href="/blog" className="text-brand hover:text-brand-strong font-semibold">
          ← All posts
        </Link>
      </p>
      <h1 className="mt-6 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">{post.title}</h1>
      <p className="text-ink-soft mt-4">
        <time dateTime={post.date}>{formatEntryDate(post.date)}</time>
        {post.author ? ` · ${post.author}` : null}
      </p>
      <div className="mt-10">
        <MarkdownBody html={post.html} />
      </div>
    </article>
  );
}
