import type { Metadata } from "next";
import Link from "next/link";
import { PageIntro } from "@/components/marketing/page-intro";
import { formatEntryDate, listEntries } from "@/lib/content/get-content";

export const metadata: Metadata = {
  title: "Blog",
  description: "Notes from the Tandem team on building real-time apps and on how the platform works.",
  alternates: { canonical: "/blog" },
};

export default function BlogPage() {
  const posts = listEntries("blog");
  return (
    <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Blog" title="Notes from the Tandem team" />
      <ul className="mt-12 grid gap-6 md:grid-cols-2">
        {posts.map((post) => (
          <li key={post.slug} className="border-line hover:border-brand relative rounded-xl border p-6">
            <p className="text-ink-soft text-sm">
              <time dateTime={post.date}>{formatEntryDate(post.date)}</time>
            </p>
            <h2 className="mt-2 text-xl font-bold tracking-tight text-balance">
              <Link href={`/blog/${post.slug}`} className="after:absolute after:inset-0">
                {post.title}
              </Link>
            </h2>
            <p className="text-ink-soft mt-2">{post.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
