import Link from "next/link";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col items-start px-4 py-24 sm:px-6">
        <p className="font-mono text-sm text-accent">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist.</h1>
        <p className="mt-3 text-ink-soft">The link may be old, or the address mistyped.</p>
        <Link
          href="/"
          className="mt-8 rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-strong"
        >
          Back to the home page
        </Link>
      </main>
      <SiteFooter />
    </>
  );
}
