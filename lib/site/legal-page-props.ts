import type { GetStaticProps } from "next";
import { findEntry } from "@/lib/content/get-content";
import { toEntryProps, type EntryProps } from "./entry-props";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS, type SiteProps } from "./site-props";

export type LegalPageProps = SiteProps & { entry: EntryProps };

/** getStaticProps of a legal page (pages/terms.tsx and its siblings): content/legal/<slug>.md. */
export function legalPageProps(slug: string): GetStaticProps<LegalPageProps> {
  return async () => {
    const entry = findEntry("legal", slug);
    if (!entry) return { notFound: true };
    return { props: { ...(await siteProps()), entry: toEntryProps(entry) }, revalidate: STATIC_PAGE_REVALIDATE_SECONDS };
  };
}
