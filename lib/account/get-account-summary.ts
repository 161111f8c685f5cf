import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { StandingState } from "@/lib/ledger/standing";
import type { Queryable } from "@/lib/db/client";

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
  const rows = await db.execute<{ id: string; state: StandingState; balance: string; created_at: Date }>(sql`
    select b.id, b.state, l.balance_micros::text as balance, b.created_at
    from billing_accounts b join ledger_accounts l on l.billing_account_id = b.id
    where b.owner_user_id = ${session.user.id}`);
  const row = rows.rows[0];
  return {
    email: session.user.email,
    isOperator: session.user.role === "admin",
    billing: row
      ? { accountId: row.id, state: row.state, balanceMicros: BigInt(row.balance), createdAt: new Date(row.created_at) }
      : null,
  };
}
