import "server-only";
import { findBillingAccount, type BillingAccountRecord } from "@/lib/billing/find-billing-account";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { accountIdSchema } from "./account-control-schemas";

/**
 * The account an operator acts on, with its customer ledger account locked as a posting locks it, so a
 * racing top-up or usage batch recomputes standing either before the control or after it, never
 * between. A malformed or unknown id is `not_found`, as the account page answers it.
 */
export async function lockControlledAccount(tx: Transaction, accountId: string): Promise<BillingAccountRecord> {
  if (!accountIdSchema.safeParse(accountId).success) throw new AppError("not_found", { message: "No such account." });
  const account = await findBillingAccount(tx, { accountId }, { lockLedger: true });
  if (!account) throw new AppError("not_found", { message: "No such account." });
  return account;
}
