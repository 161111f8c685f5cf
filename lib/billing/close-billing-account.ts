import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { applyStanding, type StandingChange } from "./apply-standing";

// A floor no balance can be above: standingFor() then answers `frozen` for every balance, so any
// posting that arrives later (a late meter batch, a refund) recomputes the closed account to frozen
// again, and the billing API tells the platform to refuse its work.
const CLOSED_FLOOR_MICROS = 9_223_372_036_854_775_807n;

export type CloseBillingAccountOptions = {
  accountId: string;
  ownerUserId: string;
  /** The customer balance read under the ledger lock the caller holds. */
  balanceMicros: bigint;
  /** The standing change's recorded cause: the customer closing it, or an operator. */
  cause: string;
};

/**
 * The one way an account is closed, by its owner (lib/account/close-account.ts) or by an operator
 * (lib/account-controls): inside the caller's transaction, under its ledger lock, it records the credit
 * left (it stays in the ledger, whose history is immutable; nothing is moved), freezes the account for
 * good, drops the emails still owed to it (with the address they carry), ends every session and linked
 * sign-in and forgets the person's name and email, so no sign-in link can reach it.
 */
export async function closeBillingAccount(
  tx: Transaction,
  options: CloseBillingAccountOptions,
): Promise<StandingChange[]> {
  const { accountId, ownerUserId, balanceMicros } = options;
  await tx.execute(
    sql`insert into account_closures (account_id, remaining_micros) values (${accountId}, ${balanceMicros.toString()}::bigint)`,
  );
  await tx.execute(
    sql`update billing_accounts set floor_micros = ${CLOSED_FLOOR_MICROS.toString()}::bigint where id = ${accountId}`,
  );
  // No standing email: the owner has no address left (the closing page, or the operator's closing
  // email recorded after this, says it instead).
  const changes = await applyStanding(tx, {
    balances: new Map([[accountId, balanceMicros]]),
    cause: options.cause,
    hasOwnEmail: true,
  });
  await tx.execute(sql`delete from email_outbox where account_id = ${accountId} and sent_at is null`);
  await tx.execute(sql`delete from "session" where "userId" = ${ownerUserId}`);
  await tx.execute(sql`delete from "account" where "userId" = ${ownerUserId}`);
  await tx.execute(sql`update "user" set email = null, name = null where id = ${ownerUserId}`);
  return changes;
}
