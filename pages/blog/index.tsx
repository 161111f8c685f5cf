// GET /blog – every post, newest first; prerendered and served without JavaScript (the Pages Router's
// unstable_runtimeJS), regenerated at most every 15 seconds so the launch mode's robots tag follows.
import type { GetStaticProps } from "next";
import Link from "next/link";
import { PageIntro } from "@/components/marketing/page-intro";
import { DEFAULT_SOCIAL_CARD, StaticPage, type SiteProps } from "@/components/site/static-page";
import { listEntries } from "@/lib/content/get-content";
import { toEntryProps, type EntryProps } from "@/lib/site/entry-props";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

// The index shows no post bodies: only what a card needs travels in the page's props.
type PostCard = Pick<EntryProps, "slug" | "title" | "description" | "date" | "displayDate">;
type Props = SiteProps & { posts: PostCard[] };

export const getStaticProps: GetStaticProps<Props> = async () => ({
  props: {
    ...(await siteProps()),
    posts: listEntries("blog").map((post) => {
      const { slug, title, description, date, displayDate } = toEntryProps(post);
      return { slug, title, description, date, displayDate };
    }),
  },
  revalidate: STATIC_PAGE_REVALIDATE_SECONDS,
});

export default function BlogPage({ posts, ...site }: Props) {
  return (
    <StaticPage
      {...site}
      meta={{
        title: "Blog · Tandem",
        description: "Notes from the Tandem team on building real-time apps and on how the platform works.",
        path: "/blog",
        image: DEFAULT_SOCIAL_CARD,
      }}
    >
      <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
        <PageIntro eyebrow="Blog" title="Notes from the Tandem team" />
        <ul className="mt-12 grid gap-6 md:grid-cols-2">
          {posts.map((post) => (
            <li key={post.slug} className="border-line hover:border-brand relative rounded-xl border p-6">
              <p className="text-ink-soft text-sm">
                <time dateTime={post.date}>{post.displayDate}</time>
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
    </StaticPage>
  );
}
