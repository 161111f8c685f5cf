import type { Metadata } from "next";
import { MarkdownBody } from "@/components/marketing/markdown-body";
import { PageIntro } from "@/components/marketing/page-intro";
import { formatEntryDate, listEntries } from "@/lib/content/get-content";

export const metadata: Metadata = {
  title: "Changelog",
  description: "What changed in Tandem, newest first.",
  alternates: { canonical: "/changelog" },
};

export default function ChangelogPage() {
  const entries = listEntries("changelog");
  return (
    <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Changelog" title="What changed in Tandem" />
      <ol className="mt-12 space-y-12">
        {entries.map((entry) => (
          <li
            key={entry.slug}
            id={entry.slug}
            className="border-line grid gap-3 border-t pt-8 md:grid-cols-[12rem_1fr]"
          >
            <p className="text-ink-soft text-sm font-semibold">
              <time dateTime={entry.date}>{formatEntryDate(entry.date)}</time>
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
  );
}
