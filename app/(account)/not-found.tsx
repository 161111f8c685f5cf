import Link from "next/link";

// Inside the account area's own header, navigation and footer (app/(account)/layout.tsx), so the area's
// pages carry this small boundary in their payload instead of a second copy of the site-wide 404 page.
export default function AccountNotFound() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-16 sm:px-6">
      <p className="text-accent font-mono text-sm font-semibold">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist.</h1>
      <p className="text-ink-soft mt-3">
        <Link href="/account" className="text-brand hover:text-brand-strong font-semibold">
          Back to your account
        </Link>
      </p>
    </div>
  );
}
