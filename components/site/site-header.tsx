import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "./logo-mark";

/**
 * `actions` fills the right-hand side; by default a plain "Sign in" link. The header never reads the
 * session, so the marketing pages that use it stay prerendered.
 */
export function SiteHeader({ actions }: { actions?: ReactNode }) {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <LogoMark className="h-7 w-7 text-brand" />
          Tandem
        </Link>
        {actions === undefined ? (
          <Link
            href="/sign-in"
            className="rounded-lg border border-line px-3 py-1.5 text-sm font-semibold hover:border-brand hover:text-brand"
          >
            Sign in
          </Link>
        ) : (
          actions
        )}
      </div>
    </header>
  );
}
