import "server-only";
import { cache } from "react";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { StandingState } from "@/lib/ledger/standing";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type OwnAccount = {
  accountId: string;
  ledgerAccountId: bigint;
  state: StandingState;
  balanceMicros: bigint;
  lowThresholdMicros: bigint;
  floorMicros: bigint;
  createdAt: Date;
  closedAt: Date | null;
};

type Row = {
  id: string;
  ledger_id: string;
  state: StandingState;
  balance: string;
  low: string;
  floor: string;
  created_at: Date;
  closed_at: Date | null;
};

/**
 * The session's own billing account, found by the session's user id and never by an id from the
 * request: every account-area query starts here, so no input can point a page at someone else's money.
 */
async function readOwnAccount(db: Queryable, session: AppSession): Promise<OwnAccount | null> {
  const rows = await db.execute<Row>(sql`
    select b.id, l.id::text as ledger_id, b.state, l.balance_micros::text as balance,
      b.low_threshold_micros::text as low, b.floor_micros::text as floor, b.created_at, c.closed_at
    from billing_accounts b
    join ledger_accounts l on l.billing_account_id = b.id
    left join account_closures c on c.account_id = b.id
    where b.owner_user_id = ${session.user.id}`);
  const row = rows.rows[0];
  if (!row) return null;
  return {
    accountId: row.id,
    ledgerAccountId: BigInt(row.ledger_id),
    state: row.state,
    balanceMicros: BigInt(row.balance),
    lowThresholdMicros: BigInt(row.low),
    floorMicros: BigInt(row.floor),
    createdAt: new Date(row.created_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
  };
}

/**
 * readOwnAccount, read once per request and session object (React's cache(): a page and the data
 * functions it calls share one read; nothing is kept across requests, so balances stay live).
 */
export const getOwnAccount = cache(readOwnAccount);

export async function getOwnAccountOrThrow(db: Queryable, session: AppSession): Promise<OwnAccount> {
  const account = await getOwnAccount(db, session);
  if (!account) throw new AppError("not_found", { message: "This sign-in has no billing account." });
  return account;
}
