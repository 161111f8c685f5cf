import "server-only";
import { redirect } from "next/navigation";
import { getOwnAccount, type OwnAccount } from "@/lib/account/get-own-account";
import type { AppSession } from "@/lib/session/app-session";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { getDb, type Database } from "@/lib/db/client";

export type AccountPageContext = {
  session: AppSession;
  db: Database;
  /** Operators sign in from ADMIN_EMAILS and usually have no billing account of their own. */
  isOperator: boolean;
};

export type AccountPageWithBillingAccount = AccountPageContext & {
  /** The session's own billing account (never one named by the request), or null for a sign-in without one. */
  account: OwnAccount | null;
};

/**
 * Every account page starts here (the admin area's twin is requireAdminPage): the signed-in person,
 * or the sign-in page for anyone else. Pages that show money ask for the billing account too and
 * decide themselves what a sign-in without one sees; billing, invites and the checkout return serve
 * such sign-ins as they are, so they do not ask. /account/closed is the one account page without this
 * guard: whoever lands there has just been signed out.
 */
export async function requireAccountPage(): Promise<AccountPageContext>;
export async function requireAccountPage(options: { billingAccount: "read" }): Promise<AccountPageWithBillingAccount>;
export async function requireAccountPage(options?: { billingAccount: "read" }): Promise<AccountPageContext | AccountPageWithBillingAccount> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  const db = getDb();
  const context = { session, db, isOperator: session.user.role === "admin" };
  // getOwnAccount is cached per request: the page's data functions reuse this read.
  return options ? { ...context, account: await getOwnAccount(db, session) } : context;
}
