import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";

type AccountMenuProps = {
  email: string;
  isOperator: boolean;
  /** The sign-out server action (app/(account)/account/actions.ts), handed down by the layout. */
  signOut: FormAction;
};

const itemClass = "hover:bg-paper-soft block rounded-md px-3 py-2 text-sm font-medium";

/**
 * The signed-in person's menu in the site header: their account, billing and sign out. A <details>
 * disclosure, so it opens with a click, Enter or Space and works before (or without) JavaScript; the
 * sign-out form is a server action that posts as a plain form when there is no script.
 */
export function AccountMenu({ email, isOperator, signOut }: AccountMenuProps) {
  const initial = email.slice(0, 1).toUpperCase();
  return (
    <details className="group relative" data-testid="account-menu">
      <summary className="border-line hover:border-brand flex cursor-pointer list-none items-center gap-2 rounded-lg border py-1.5 pr-3 pl-1.5 text-sm font-semibold [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="bg-brand-soft text-brand grid h-7 w-7 place-items-center rounded-full text-xs font-bold">
          {initial}
        </span>
        <span className="sr-only">Account menu: </span>
        <span className="hidden max-w-64 truncate sm:inline">{email}</span>
        <span className="sm:hidden">Account</span>
      </summary>
      <div className="border-line bg-paper absolute right-0 z-30 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-xl border p-2 shadow-lg">
        <p className="text-ink-soft truncate px-3 pt-1 pb-2 text-xs">
          Signed in as <span className="text-ink font-medium">{email}</span>
        </p>
        <ul className="grid gap-0.5">
          <li>
            <Link href="/account" className={itemClass}>
              Account
            </Link>
          </li>
          <li>
            <Link href="/account/billing" className={itemClass}>
              Billing
            </Link>
          </li>
          {isOperator ? (
            <li>
              <Link href="/admin" className={itemClass}>
                Operators
              </Link>
            </li>
          ) : null}
        </ul>
        <div className="border-line mt-2 border-t pt-2">
          <ActionButton action={signOut} label="Sign out" pendingLabel="Signing out…" />
        </div>
      </div>
    </details>
  );
}
