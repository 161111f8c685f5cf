import "server-only";
import type { BillingAccountRecord } from "@/lib/billing/find-billing-account";
import type { Database, Transaction } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail, type OutboxEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { AccountControl } from "./account-control-schemas";
import { lockControlledAccount } from "./lock-controlled-account";

export type AccountControlResult = { accountId: string; emailId: bigint | null };

type Operator = ReturnType<typeof requireAdmin>;

/** An operator's control of one account (freeze, unfreeze, close), as the admin actions call it. */
export type AccountControlAction = (
  db: Database,
  session: AppSession | null,
  input: AccountControl,
) => Promise<AccountControlResult>;

type ControlOptions = {
  accountId: string;
  /** The conflict's message when the account is closed. */
  closedMessage?: string;
};

/**
 * What every operator control of an account shares: an operator only, one transaction with the account
 * locked (lockControlledAccount), a closed account refused, and the email the control owes its owner
 * recorded in the same transaction when the account still has an address. `control` does the change
 * and its audit entry and returns that email (its `to` is the owner's).
 */
export async function runAccountControl(
  db: Database,
  session: AppSession | null,
  options: ControlOptions,
  control: (tx: Transaction, operator: Operator, account: BillingAccountRecord) => Promise<Omit<OutboxEmail, "to">>,
): Promise<AccountControlResult> {
  const operator = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const account = await lockControlledAccount(tx, options.accountId);
    if (account.closedAt)
      throw new AppError("conflict", { message: options.closedMessage ?? "This account is closed." });
    const email = await control(tx, operator, account);
    const emailId = account.ownerEmail ? await enqueueEmail(tx, { ...email, to: account.ownerEmail }) : null;
    return { accountId: account.accountId, emailId };
  });
}
