import "server-only";
import { z } from "zod";
import type { AppSession } from "@/lib/session/app-session";
import type { StandingChange } from "@/lib/billing/apply-standing";
import { closeBillingAccount } from "@/lib/billing/close-billing-account";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { lockOwnAccount } from "./update-settings";

/** The closing form: the person types CLOSE (any case), so no stray click deletes an account. */
export const closeAccountSchema = z.object({ confirm: z.string().trim().refine((value) => value.toLowerCase() === "close", "type CLOSE to confirm") });

export type ClosedAccount = { accountId: string; remainingMicros: bigint; standingChanges: StandingChange[] };

/**
 * Closes the session's own account, in one transaction (lib/billing/close-billing-account.ts, the
 * closing an operator's uses too): the credit left recorded, frozen for good, the name and email
 * forgotten, every session and linked sign-in ended.
 */
export async function closeAccount(db: Database, session: AppSession): Promise<ClosedAccount> {
  return runTransaction(db, async (tx) => {
    const account = await lockOwnAccount(tx, session);
    if (account.closed) throw new AppError("conflict", { message: "This account is already closed." });
    const standingChanges = await closeBillingAccount(tx, {
      accountId: account.accountId,
      ownerUserId: session.user.id,
      balanceMicros: account.balance,
      cause: "account closed",
    });
    return { accountId: account.accountId, remainingMicros: account.balance, standingChanges };
  });
}
