import Link from "next/link";
import { LogoMark } from "./logo-mark";
import { productLinks, type NavLink } from "./site-nav";

const accessLinks: NavLink[] = [
  { href: "/waitlist", label: "Join the waitlist" },
  { href: "/invite", label: "Redeem an invite code" },
  { href: "/sign-in", label: "Sign in" },
];

const legalLinks: NavLink[] = [
  { href: "/terms", label: "Terms of service" },
  { href: "/privacy", label: "Privacy policy" },
  { href: "/acceptable-use", label: "Acceptable use" },
];

function FooterColumn({ title, links }: { title: string; links: NavLink[] }) {
  return (
    <div>
      <h2 className="text-sm font-semibold">{title}</h2>
      <ul className="mt-3 space-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="text-sm text-ink-soft hover:text-ink">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-line bg-paper-soft">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[1.4fr_1fr_1fr_1fr]">
        <div>
          <p className="flex items-center gap-2 font-bold tracking-tight">
            <LogoMark className="h-6 w-6 text-brand" />
            Tandem
          </p>
          <p className="mt-3 max-w-xs text-sm leading-6 text-ink-soft">
            A hosted backend for real-time apps, billed by what you use. Prepaid, so there is never a surprise invoice.
          </p>
        </div>
        <FooterColumn title="Product" links={productLinks()} />
        <FooterColumn title="Access" links={accessLinks} />
        <FooterColumn title="Legal" links={legalLinks} />
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs text-ink-soft sm:px-6">© 2026 Tandem. Prices in US dollars.</p>
      </div>
    </footer>
  );
}
