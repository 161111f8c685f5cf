import { LinkList } from "./link-list";
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
      <LinkList links={links} linkClassName="text-ink-soft hover:text-ink text-sm" />
    </div>
  );
}

const footerClass = "border-line bg-paper-soft mt-auto border-t";

/**
 * `isRenderedWhenNear`: laid out and painted only when scrolled near (the static landing pages, where the
 * footer is never on the first screen; the App Router's pages keep it plain).
 */
export function SiteFooter({ isRenderedWhenNear = false }: { isRenderedWhenNear?: boolean }) {
  return (
    <footer className={isRenderedWhenNear ? `render-when-near ${footerClass}` : footerClass}>
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[1.4fr_1fr_1fr_1fr]">
        <div>
          <p className="flex items-center gap-2 font-bold tracking-tight">
            <LogoMark className="text-brand h-6 w-6" />
            Tandem
          </p>
          <p className="text-ink-soft mt-3 max-w-xs text-sm leading-6">
            A hosted backend for real-time apps, billed by what you use. Prepaid, so there is never a surprise invoice.
          </p>
        </div>
        <FooterColumn title="Product" links={productLinks()} />
        <FooterColumn title="Access" links={accessLinks} />
        <FooterColumn title="Legal" links={legalLinks} />
      </div>
      <div className="border-line border-t">
        <p className="text-ink-soft mx-auto max-w-6xl px-4 py-5 text-xs sm:px-6">
          © 2026 Tandem. Prices in US dollars.
        </p>
      </div>
    </footer>
  );
}
