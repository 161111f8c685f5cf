import "server-only";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { StandingState } from "@/lib/ledger/standing";
import { findBillingAccount } from "./find-billing-account";

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
  const account = await findBillingAccount(db, { accountId });
  if (account === undefined) throw new AppError("not_found", { message: `Account ${accountId} does not exist.` });
  return {
    accountId,
    state: account.state,
    balanceMicros: account.balanceMicros,
    lowThresholdMicros: account.lowThresholdMicros,
    floorMicros: account.floorMicros,
    asOf: account.readAt,
  };
}
