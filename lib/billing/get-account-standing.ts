import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { StandingState } from "@/lib/ledger/standing";

export type AccountStanding = {
  accountId: string;
  state: StandingState;
  balanceMicros: bigint;
  lowThresholdMicros: bigint;
  floorMicros: bigint;
  asOf: Date;
};

/**
 * An account's standing as the platform enforces it (DESIGN section 6). Reads the cached customer
 * balance and the stored state: both are written in the transaction that posts the money, so they are
 * fresh the moment that transaction commits. Unknown accounts are a 404.
 */
export async function getAccountStandingOrThrow(db: Queryable, accountId: string): Promise<AccountStanding> {
  const rows = await db.execute<{
    state: StandingState;
    balance: string;
    low: string;
    floor: string;
    as_of_ms: string;
  }>(sql`
    select b.state, l.balance_micros::text as balance, b.low_threshold_micros::text as low,
      b.floor_micros::text as floor, (extract(epoch from now()) * 1000)::bigint::text as as_of_ms
    from billing_accounts b join ledger_accounts l on l.billing_account_id = b.id
    where b.id = ${accountId}`);
  const row = rows.rows[0];
  if (row === undefined) throw new AppError("not_found", { message: `Account ${accountId} does not exist.` });
  return {
    accountId,
    state: row.state,
    balanceMicros: BigInt(row.balance),
    lowThresholdMicros: BigInt(row.low),
    floorMicros: BigInt(row.floor),
    asOf: new Date(Number(row.as_of_ms)),
  };
}
