// GET /changelog – what changed, newest first; prerendered and served without JavaScript (the Pages
// Router's unstable_runtimeJS), regenerated at most every 15 seconds so the launch mode's robots tag
// follows.
import type { GetStaticProps } from "next";
import { MarkdownBody } from "@/components/marketing/markdown-body";
import { PageIntro } from "@/components/marketing/page-intro";
import { DEFAULT_SOCIAL_CARD, StaticPage, type SiteProps } from "@/components/site/static-page";
import { listEntries } from "@/lib/content/get-content";
import { toEntryProps, type EntryProps } from "@/lib/site/entry-props";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS } from "@/lib/site/site-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { entries: EntryProps[] };

export const getStaticProps: GetStaticProps<Props> = async () => ({
  props: { ...(await siteProps()), entries: listEntries("changelog").map(toEntryProps) },
  revalidate: STATIC_PAGE_REVALIDATE_SECONDS,
});

export default function ChangelogPage({ entries, ...site }: Props) {
  return (
    <StaticPage
      {...site}
      meta={{ title: "Changelog · Tandem", description: "What changed in Tandem, newest first.", path: "/changelog", image: DEFAULT_SOCIAL_CARD }}
    >
      <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
        <PageIntro eyebrow="Changelog" title="What changed in Tandem" />
        <ol className="mt-12 space-y-12">
          {entries.map((entry, index) => (
            <li
              key={entry.slug}
              id={entry.slug}
              // Entries below the first are laid out and painted when scrolled near (content-visibility),
              // so the first paint of a long changelog costs what the first screen needs.
              className={`border-line grid gap-3 border-t pt-8 md:grid-cols-[12rem_1fr]${index > 0 ? " render-when-near" : ""}`}
            >
              <p className="text-ink-soft text-sm font-semibold">
                <time dateTime={entry.date}>{entry.displayDate}</time>
              </p>
              <div>
                <h2 className="text-xl font-bold tracking-tight">{entry.title}</h2>
                <div className="mt-3">
                  <MarkdownBody html={entry.html} />
                </div>
              </div>
            </li>
          ))}
        </ol>
      </div>
    </StaticPage>
  );
}
