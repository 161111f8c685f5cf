import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { StandingState } from "@/lib/ledger/standing";
import type { Queryable } from "@/lib/db/client";
import { findBillingAccount } from "@/lib/billing/find-billing-account";

export type AccountSummary = {
  email: string;
  isOperator: boolean;
  billing: { accountId: string; state: StandingState; balanceMicros: bigint; createdAt: Date } | null;
};

/**
 * What the account page shows, for the session's own user only: the account is found by the session's
 * user id, never by an id from the request, so no input can point it at someone else's money.
 */
export async function getAccountSummary(db: Queryable, session: AppSession): Promise<AccountSummary> {
  const account = await findBillingAccount(db, { userId: session.user.id });
  return {
    email: session.user.email,
    isOperator: session.user.role === "admin",
    billing: account
      ? { accountId: account.accountId, state: account.state, balanceMicros: account.balanceMicros, createdAt: account.createdAt }
      : null,
  };
}
