"use client";

import Link from "next/link";

// Any account page that fails to load lands here: say so plainly and offer a retry and a way out.
export default function AccountError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-12 sm:px-6">
      <div role="alert" className="rounded-2xl border border-warn/40 bg-paper p-6">
        <h1 className="text-2xl font-bold tracking-tight">This page could not be loaded</h1>
        <p className="mt-2 text-ink-soft">
          Something went wrong on our side; your balance and usage are safe. Try again, or go back to your account overview.
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          <button type="button" onClick={reset} className="rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-paper hover:bg-brand-strong">
            Try again
          </button>
          <Link href="/account" className="rounded-lg border border-line px-4 py-2 text-sm font-semibold hover:border-brand hover:text-brand">
            Account overview
          </Link>
        </div>
      </div>
    </div>
  );
}
