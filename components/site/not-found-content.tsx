import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButton } from "@/components/marketing/cta-links";
import { LinkList } from "@/components/site/link-list";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import type { NavLink } from "@/components/site/site-nav";

const destinations: NavLink[] = [
  { href: "/pricing", label: "Pricing and the cost calculator" },
  { href: "/blog", label: "The blog" },
  { href: "/waitlist", label: "Join the waitlist" },
];

/**
 * The 404 page's header, body and footer: app/not-found.tsx and pages/404.tsx (unknown blog posts).
 * `header`: the App Router's session-aware header; the static 404 keeps the plain one.
 */
export function NotFoundContent({ header }: { header?: ReactNode }) {
  return (
    <>
      {header ?? <SiteHeader />}
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col items-start px-4 py-24 sm:px-6">
        <p className="text-accent font-mono text-sm font-semibold">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">This page does not exist.</h1>
        <p className="text-ink-soft mt-3 text-lg">The link may be old, or the address mistyped.</p>
        <Link href="/" className={`mt-8 ${primaryButton}`}>
          Back to the home page
        </Link>
        <h2 className="text-ink-soft mt-12 text-sm font-semibold">Or try</h2>
        <LinkList links={destinations} linkClassName="text-brand hover:text-brand-strong font-semibold" />
      </main>
      <SiteFooter />
    </>
  );
}
