import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { closeBillingAccount } from "@/lib/billing/close-billing-account";
import { runAccountControl, type AccountControlAction } from "./run-account-control";

/**
 * An operator closes an account, the way its owner would (lib/billing/close-billing-account.ts: frozen
 * for good, credit left recorded, sessions and sign-ins ended, name and email forgotten), audited, and
 * with one last email to the address the account had, recorded in the same transaction. That email is
 * not tied to the account in the outbox: the sender settles unsent any email of an account whose owner
 * has no address left, which after closing is every email but this one.
 */
export const closeAccountByOperator: AccountControlAction = (db, session, input) =>
  runAccountControl(
    db,
    session,
    { accountId: input.accountId, closedMessage: "This account is already closed." },
    async (tx, operator, account) => {
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
      return {
        key: `account-control:${account.accountId}:close`,
        template: "account-closed",
        data: { reason: input.reason, remainingMicros: account.balanceMicros.toString() },
      };
    },
  );
