import type { GetStaticProps } from "next";
import { fillCompany, type Company } from "@/lib/content/fill-company";
import { findEntry } from "@/lib/content/get-content";
import { getEnv } from "@/lib/env";
import { toEntryProps, type EntryProps } from "./entry-props";
import { siteProps, STATIC_PAGE_REVALIDATE_SECONDS, type SiteProps } from "./site-props";

/** `company`: who runs the site and where to write (COMPANY_NAME, CONTACT_EMAIL), read here, at prerender. */
export type LegalPageProps = SiteProps & { entry: EntryProps; company: Company };

/** getStaticProps of a legal page (pages/terms.tsx and its siblings): content/legal/<slug>.md. */
export function legalPageProps(slug: string): GetStaticProps<LegalPageProps> {
  return async () => {
    const entry = findEntry("legal", slug);
    if (!entry) return { notFound: true };
    const { company } = getEnv();
    return {
      props: {
        ...(await siteProps()),
        entry: toEntryProps({ ...entry, html: fillCompany(entry.html, company) }),
        company,
      },
      revalidate: STATIC_PAGE_REVALIDATE_SECONDS,
    };
  };
}
