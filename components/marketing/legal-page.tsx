import type { EntryProps } from "@/lib/site/entry-props";
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
