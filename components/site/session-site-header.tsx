import type { FormAction } from "@/lib/actions/action-state";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { AccountMenu } from "./account-menu";
import { SiteHeader } from "./site-header";

type SessionSiteHeaderProps = {
  /** `marketing`: the site navigation too (the invite pages); `app`: the logo and the menu only. */
  variant?: "marketing" | "app";
  signOut: FormAction;
};

/**
 * The header of the App Router's pages, which are rendered per request anyway (app/layout.tsx): with the
 * account menu for a signed-in person instead of "Sign in" and the waitlist. The zero-JS landing pages
 * (pages/) use SiteHeader itself and never read the session, so they stay prerendered and script-free.
 */
export async function SessionSiteHeader({ variant = "app", signOut }: SessionSiteHeaderProps) {
  const session = await getCurrentSession();
  const accountMenu = session ? (
    <AccountMenu email={session.user.email} isOperator={session.user.role === "admin"} signOut={signOut} />
  ) : undefined;
  return <SiteHeader actions={variant === "marketing" ? undefined : null} accountMenu={accountMenu} />;
}
