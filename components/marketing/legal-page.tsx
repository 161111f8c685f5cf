import type { Company } from "@/lib/content/fill-company";
import type { EntryProps } from "@/lib/site/entry-props";
import type { LegalPageProps } from "@/lib/site/legal-page-props";
import { DEFAULT_SOCIAL_CARD, StaticPage } from "@/components/site/static-page";
import { MarkdownBody } from "./markdown-body";
import { PageIntro } from "./page-intro";

/** A legal page from content/legal/<slug>.md (read by the page's getStaticProps), naming who runs the site. */
export function LegalPage({ entry, company }: { entry: EntryProps; company: Company }) {
  return (
    <article className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Legal" title={entry.title}>
        <p>
          {entry.description} Last updated <time dateTime={entry.date}>{entry.displayDate}</time>.
        </p>
        <p className="mt-2" data-testid="legal-company">
          Tandem is run by {company.name}. Questions about this page:{" "}
          <a href={`mailto:${company.contactEmail}`} className="text-brand font-semibold underline underline-offset-4">
            {company.contactEmail}
          </a>
          .
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
  return function LegalStaticPage({ entry, company, ...site }: LegalPageProps) {
    return (
      <StaticPage
        {...site}
        meta={{ title: `${entry.title} · Tandem`, description: entry.description, path, image: DEFAULT_SOCIAL_CARD }}
      >
        <LegalPage entry={entry} company={company} />
      </StaticPage>
    );
  };
}
