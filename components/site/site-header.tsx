import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "./logo-mark";
import { productLinks } from "./site-nav";

const buttonClass = "rounded-lg px-3 py-2 sm:px-3.5 text-sm font-semibold whitespace-nowrap";

type SiteHeaderProps = {
  /** The right-hand side; by default the marketing navigation, "Sign in" and the waitlist call to action. */
  actions?: ReactNode;
  /** A signed-in person's menu (SessionSiteHeader): replaces "Sign in" and the waitlist, or fills an empty side. */
  accountMenu?: ReactNode;
};

/**
 * The header never reads the session, so the pages that use it stay prerendered; the App Router's pages
 * use SessionSiteHeader, which passes `accountMenu` for a signed-in person. On phones the navigation
 * folds into a <details> menu: no JavaScript needed.
 */
export function SiteHeader({ actions, accountMenu }: SiteHeaderProps) {
  const links = productLinks();
  const menuLinks = accountMenu ? links : [...links, { href: "/sign-in", label: "Sign in" }];
  return (
    <header className="border-line bg-paper relative border-b">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <LogoMark className="text-brand h-7 w-7" />
          Tandem
        </Link>
        {actions === undefined ? (
          <>
            <nav aria-label="Main" className="hidden flex-1 items-center gap-1 md:flex">
              {links.map((link) => (
                <Link
                  key={link.href}
                  href={link.href}
                  className="text-ink-soft hover:text-ink rounded-md px-3 py-2 text-sm font-medium"
                >
                  {link.label}
                </Link>
              ))}
            </nav>
            <div className="flex items-center gap-2">
              {accountMenu ?? (
                <>
                  <Link href="/sign-in" className={`${buttonClass} text-ink-soft hover:text-ink hidden sm:block`}>
                    Sign in
                  </Link>
                  <Link href="/waitlist" className={`${buttonClass} bg-brand text-on-brand hover:bg-brand-strong`}>
                    <span className="sm:hidden">Join waitlist</span>
                    <span className="hidden sm:inline">Join the waitlist</span>
                  </Link>
                </>
              )}
              <details className="group md:hidden">
                <summary
                  className={`${buttonClass} border-line hover:border-brand cursor-pointer list-none border [&::-webkit-details-marker]:hidden`}
                >
                  Menu
                </summary>
                <nav
                  aria-label="Menu"
                  className="border-line bg-paper absolute inset-x-0 top-16 z-20 border-b px-4 py-3 shadow-lg sm:px-6"
                >
                  <ul className="grid gap-1">
                    {menuLinks.map((link) => (
                      <li key={link.href}>
                        <a href={link.href} className="hover:bg-paper-soft block rounded-md px-2 py-2.5 font-medium">
                          {link.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </details>
            </div>
          </>
        ) : (
          (actions ?? accountMenu ?? null)
        )}
      </div>
    </header>
  );
}
