import { getEnv } from "@/lib/env";

export type NavLink = { href: string; label: string; isExternal?: boolean };

/** The marketing site's main sections, shared by the header and the footer. */
export function productLinks(): NavLink[] {
  return [
    { href: "/pricing", label: "Pricing" },
    { href: getEnv().docsUrl, label: "Docs", isExternal: true },
    { href: "/blog", label: "Blog" },
    { href: "/changelog", label: "Changelog" },
  ];
}
