import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findEntry, formatEntryDate } from "@/lib/content/get-content";
import { MarkdownBody } from "./markdown-body";
import { PageIntro } from "./page-intro";

export function legalMetadata(slug: string): Metadata {
  const entry = findEntry("legal", slug);
  return entry ? { title: entry.title, description: entry.description, alternates: { canonical: `/${slug}` } } : {};
}

/** A legal page from content/legal/<slug>.md. */
export function LegalPage({ slug }: { slug: string }) {
  const entry = findEntry("legal", slug);
  if (!entry) notFound();
  return (
    <article className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Legal" title={entry.title}>
        <p>
          {entry.description} Last updated <time dateTime={entry.date}>{formatEntryDate(entry.date)}</time>.
        </p>
      </PageIntro>
      <div className="mt-10">
        <MarkdownBody html={entry.html} />
      </div>
    </article>
  );
}
