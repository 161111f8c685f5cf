"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";
import { useCurrentTabInView } from "@/components/ui/use-current-tab-in-view";

const LINKS = [
  { href: "/account", label: "Overview" },
  { href: "/account/usage", label: "Usage" },
  { href: "/account/statement", label: "Statement" },
  { href: "/account/spaces", label: "Spaces" },
  { href: "/account/billing", label: "Billing" },
  { href: "/account/settings", label: "Settings" },
] as const;

/** The account area's sections; the current one is marked for assistive tech with aria-current. */
export function AccountNav() {
  // `null` only in the Pages Router (pages/), which never renders this.
  const pathname = usePathname() ?? "";
  const strip = useRef<HTMLUListElement>(null);
  useCurrentTabInView(strip, pathname);
  // After deleting the account nobody is signed in: the sections would only lead to the sign-in page.
  if (pathname === "/account/closed") return null;
  return (
    <nav aria-label="Account" className="border-b border-line bg-paper">
      <ul ref={strip} className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4 sm:px-6">
        {LINKS.map((link) => {
          const isCurrent = link.href === "/account" ? pathname === "/account" : pathname.startsWith(link.href);
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-3 text-sm font-semibold ${
                  isCurrent ? "border-brand text-brand" : "border-transparent text-ink-soft hover:text-ink"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
