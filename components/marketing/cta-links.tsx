import Link from "next/link";

export const primaryButton =
  "inline-flex items-center justify-center rounded-lg bg-brand px-5 py-3 text-sm font-semibold text-on-brand hover:bg-brand-strong";
export const secondaryButton =
  "inline-flex items-center justify-center rounded-lg border border-line bg-paper px-5 py-3 text-sm font-semibold hover:border-brand hover:text-brand";

/** The site's one call to action: ask for access, or use an invitation already in hand. */
export function CtaLinks() {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href="/waitlist" className={primaryButton}>
        Join the waitlist
      </Link>
      <Link href="/invite" className={secondaryButton}>
        I have an invite code
      </Link>
      <Link href="/sign-in" className="text-brand hover:text-brand-strong px-2 py-3 text-sm font-semibold">
        Already invited? Sign in
      </Link>
    </div>
  );
}
