import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { closeBillingAccount } from "@/lib/billing/close-billing-account";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { AccountControl } from "./account-control-schemas";
import type { AccountControlResult } from "./freeze-account";
import { lockControlledAccount } from "./lock-controlled-account";

/**
 * An operator closes an account, the way its owner would (lib/billing/close-billing-account.ts: frozen
 * for good, credit left recorded, sessions and sign-ins ended, name and email forgotten), audited, and
 * with one last email to the address the account had, recorded in the same transaction. That email is
 * not tied to the account in the outbox: the sender settles unsent any email of an account whose owner
 * has no address left, which after closing is every email but this one.
 */
export async function closeAccountByOperator(
  db: Database,
  session: AppSession | null,
  input: AccountControl,
): Promise<AccountControlResult> {
  const operator = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const account = await lockControlledAccount(tx, input.accountId);
    if (account.closedAt) throw new AppError("conflict", { message: "This account is already closed." });
    await closeBillingAccount(tx, {
      accountId: account.accountId,
      ownerUserId: account.ownerUserId,
      balanceMicros: account.balanceMicros,
      cause: `closed by an operator: ${input.reason}`,
    });
    await recordAudit(tx, {
      session: operator,
      action: "account.close",
      target: `account:${account.accountId}`,
      before: { state: account.state, balanceMicros: account.balanceMicros },
      after: { state: "frozen", closed: true, reason: input.reason },
    });
    const emailId = account.ownerEmail
      ? await enqueueEmail(tx, {
          key: `account-control:${account.accountId}:close`,
          to: account.ownerEmail,
          template: "account-closed",
          data: { reason: input.reason, remainingMicros: account.balanceMicros.toString() },
        })
      : null;
    return { accountId: account.accountId, emailId };
  });
}
