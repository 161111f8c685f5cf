import "server-only";
import { cache } from "react";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findBillingAccount, type BillingAccountRecord } from "@/lib/billing/find-billing-account";

/** The account fields the account area reads; owner and clock stay in billing's record. */
export type OwnAccount = Omit<BillingAccountRecord, "ownerUserId" | "ownerEmail" | "readAt">;

/**
 * The session's own billing account, found by the session's user id and never by an id from the
 * request: every account-area query starts here, so no input can point a page at someone else's money.
 */
async function readOwnAccount(db: Queryable, session: AppSession): Promise<OwnAccount | null> {
  const account = await findBillingAccount(db, { userId: session.user.id });
  if (!account) return null;
  const { accountId, ledgerAccountId, state, balanceMicros, lowThresholdMicros, floorMicros, createdAt, closedAt, isHeld } =
    account;
  return { accountId, ledgerAccountId, state, balanceMicros, lowThresholdMicros, floorMicros, createdAt, closedAt, isHeld };
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
