import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accountClosures, accountFreezes, billingAccounts, ledgerAccounts, users } from "@/lib/db/schema";
import type { StandingState } from "@/lib/ledger/standing";

/** A billing account with its customer ledger account, its owner and its closing, as one typed row. */
export type BillingAccountRecord = {
  accountId: string;
  ownerUserId: string;
  /** Null once the account is closed: closing forgets the person's email. */
  ownerEmail: string | null;
  ledgerAccountId: bigint;
  state: StandingState;
  balanceMicros: bigint;
  lowThresholdMicros: bigint;
  floorMicros: bigint;
  createdAt: Date;
  closedAt: Date | null;
  /** An operator's freeze is in force (account_freezes): frozen whatever the balance, a top-up does not lift it. */
  isHeld: boolean;
  /** The database's clock when the row was read (ms precision): "as of" for the standing it shows. */
  readAt: Date;
};

/**
 * Which account: the signed-in user's own (by user id, never by an id from the request), a public
 * account id (the billing API, Stripe metadata), or the owner's email (trimmed, case-insensitive;
 * `user_email_lower_idx` serves it).
 */
export type BillingAccountKey = { userId: string } | { accountId: string } | { ownerEmail: string };

export type FindBillingAccountOptions = {
  /** Lock the customer ledger account row (`FOR UPDATE OF ledger_accounts`), as a posting does. */
  lockLedger?: boolean;
};

function whereKey(key: BillingAccountKey) {
  if ("userId" in key) return eq(billingAccounts.ownerUserId, key.userId);
  if ("accountId" in key) return eq(billingAccounts.id, key.accountId);
  return eq(sql`lower(${users.email})`, key.ownerEmail.trim().toLowerCase());
}

/**
 * The one read of a billing account joined to its ledger account and owner: the account area, the
 * settings forms, the billing API's standing and account-by-email, and payments all start here.
 * Undefined when there is no such account.
 */
export async function findBillingAccount(
  db: Queryable,
  key: BillingAccountKey,
  options: FindBillingAccountOptions = {},
): Promise<BillingAccountRecord | undefined> {
  const query = db
    .select({
      accountId: billingAccounts.id,
      ownerUserId: billingAccounts.ownerUserId,
      ownerEmail: users.email,
      ledgerAccountId: ledgerAccounts.id,
      state: billingAccounts.state,
      balanceMicros: ledgerAccounts.balanceMicros,
      lowThresholdMicros: billingAccounts.lowThresholdMicros,
      floorMicros: billingAccounts.floorMicros,
      createdAt: billingAccounts.createdAt,
      closedAt: accountClosures.closedAt,
      isHeld: sql<boolean>`exists (select 1 from ${accountFreezes} where ${accountFreezes.accountId} = ${billingAccounts.id})`,
      // Rounded to the millisecond in the database, as the billing API has always reported it.
      readAt: sql`(extract(epoch from now()) * 1000)::bigint`.mapWith((ms: string) => new Date(Number(ms))),
    })
    .from(billingAccounts)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.billingAccountId, billingAccounts.id))
    .innerJoin(users, eq(users.id, billingAccounts.ownerUserId))
    .leftJoin(accountClosures, eq(accountClosures.accountId, billingAccounts.id))
    .where(whereKey(key));
  const rows = options.lockLedger ? await query.for("update", { of: ledgerAccounts }) : await query;
  const row = rows[0];
  if (!row) return undefined;
  // A customer ledger account always caches its balance (system accounts are the ones without one).
  return { ...row, balanceMicros: row.balanceMicros ?? 0n };
}
