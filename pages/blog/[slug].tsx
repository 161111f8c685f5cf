// GET /blog/<slug> – one post, prerendered for every post under content/blog and served without
// JavaScript (the Pages Router's unstable_runtimeJS); any other slug is the 404 page. Regenerated at
// most every 15 seconds so the launch mode's robots tag follows.
import type { GetStaticPaths, GetStaticProps } from "next";
import Link from "next/link";
import { MarkdownBody } from "@/components/marketing/markdown-body";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { findEntry, listEntries } from "@/lib/content/get-content";
import { toEntryProps, type EntryProps } from "@/lib/site/entry-props";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { post: EntryProps };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: listEntries("blog").map((post) => ({ params: { slug: post.slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const post = params ? findEntry("blog", params.slug) : undefined;
  if (!post) return { notFound: true };
  return { props: { ...(await siteProps()), post: toEntryProps(post) }, revalidate: STATIC_PAGE_REVALIDATE_SECONDS };
};

export default function BlogPostPage({ post, ...site }: Props) {
  return (
    <StaticPage
      {...site}
      meta={{
        title: `${post.title} · Tandem`,
        socialTitle: post.title,
        description: post.description,
        path: `/blog/${post.slug}`,
        image: { path: `/social-cards/blog/${post.slug}.png`, alt: "A post on the Tandem blog" },
        article: { publishedTime: post.date },
      }}
    >
      <article className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
        <p className="text-sm">
          <Link href="/blog" className="text-brand hover:text-brand-strong font-semibold">
            ← All posts
          </Link>
        </p>
        <h1 className="mt-6 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">{post.title}</h1>
        <p className="text-ink-soft mt-4">
          <time dateTime={post.date}>{post.displayDate}</time>
          {post.author ? ` · ${post.author}` : null}
        </p>
        <div className="mt-10">
          <MarkdownBody html={post.html} />
        </div>
      </article>
    </StaticPage>
  );
}
