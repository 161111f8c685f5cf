import "server-only";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findBillingAccount } from "@/lib/billing/find-billing-account";

/** The billing account owned by the user with this email (trimmed, case-insensitive), else a 404. */
export async function findAccountIdByEmailOrThrow(db: Queryable, email: string): Promise<string> {
  const account = await findBillingAccount(db, { ownerEmail: email });
  if (account === undefined) throw new AppError("not_found", { message: "No billing account has that email." });
  return account.accountId;
}
