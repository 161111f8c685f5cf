import "server-only";
import type { Queryable } from "@/lib/db/client";
import { findBillingAccount, type BillingAccountRecord } from "@/lib/billing/find-billing-account";
import { AppError } from "@/lib/errors";

export type BillingOwner = { accountId: string; ledgerAccountId: bigint; email: string };

// A closed account has forgotten its email; the mail transport refuses the empty address as it refused
// the missing one ("no recipients"), so a notice for a closed account still fails rather than going astray.
function toOwner(account: BillingAccountRecord): BillingOwner {
  return { accountId: account.accountId, ledgerAccountId: account.ledgerAccountId, email: account.ownerEmail ?? "" };
}

/** The signed-in user's own billing account (found by user id, never by an id from the request). */
export async function getBillingAccountForUserOrThrow(db: Queryable, userId: string): Promise<BillingOwner> {
  const account = await findBillingAccount(db, { userId });
  if (!account) throw new AppError("not_found", { message: "This sign-in has no billing account." });
  return toOwner(account);
}

/** The billing account named in a Stripe object's metadata, or undefined when we have no such account. */
export async function findBillingOwner(db: Queryable, accountId: string): Promise<BillingOwner | undefined> {
  const account = await findBillingAccount(db, { accountId });
  return account ? toOwner(account) : undefined;
}
