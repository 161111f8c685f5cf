import type { EntryProps } from "@/lib/site/entry-props";
import type { LegalPageProps } from "@/lib/site/legal-page-props";
import { DEFAULT_SOCIAL_CARD, StaticPage } from "@/components/site/static-page";
import { MarkdownBody } from "./markdown-body";
import { PageIntro } from "./page-intro";

/** A legal page from content/legal/<slug>.md (read by the page's getStaticProps). */
export function LegalPage({ entry }: { entry: EntryProps }) {
  return (
    <article className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Legal" title={entry.title}>
        <p>
          {entry.description} Last updated <time dateTime={entry.date}>{entry.displayDate}</time>.
        </p>
      </PageIntro>
      <div className="mt-10">
        <MarkdownBody html={entry.html} />
      </div>
    </article>
  );
}

/** The whole page at `path` (pages/terms.tsx and its siblings): the static frame around LegalPage. */
export function legalStaticPage(path: string) {
  return function LegalStaticPage({ entry, ...site }: LegalPageProps) {
    return (
      <StaticPage
        {...site}
        meta={{ title: `${entry.title} · Tandem`, description: entry.description, path, image: DEFAULT_SOCIAL_CARD }}
      >
        <LegalPage entry={entry} />
      </StaticPage>
    );
  };
}
