"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";
import { useCurrentTabInView } from "@/components/ui/use-current-tab-in-view";

const links = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/waitlist", label: "Waitlist" },
  { href: "/admin/codes", label: "Invite codes" },
  { href: "/admin/invites", label: "Invites" },
  { href: "/admin/emails", label: "Undelivered emails" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin area's tabs; the current one is marked for sighted and screen-reader users alike. */
export function AdminNav() {
  // `null` only in the Pages Router (pages/), which never renders this.
  const pathname = usePathname() ?? "";
  const strip = useRef<HTMLElement>(null);
  useCurrentTabInView(strip, pathname);
  return (
    <nav ref={strip} aria-label="Admin" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-line">
        {links.map((link) => {
          const isCurrent = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`-mb-px block border-b-2 px-3 py-2.5 text-sm font-semibold ${
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
