import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyStanding } from "@/lib/billing/apply-standing";
import { accountFreezes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { standingFor } from "@/lib/ledger/standing";
import { runAccountControl, type AccountControlAction } from "./run-account-control";

/**
 * An operator lifts their freeze: the hold goes and the standing rules recompute the account from its
 * balance (still `frozen` if the balance is at its floor: the operator lifts only their own freeze).
 * Audited and emailed in the same transaction.
 */
export const unfreezeAccount: AccountControlAction = (db, session, input) =>
  runAccountControl(db, session, input, async (tx, operator, account) => {
    const removed = await tx
      .delete(accountFreezes)
      .where(eq(accountFreezes.accountId, account.accountId))
      .returning({ reason: accountFreezes.reason, frozenAt: accountFreezes.frozenAt });
    if (removed.length === 0) throw new AppError("conflict", { message: "No operator has frozen this account." });
    await applyStanding(tx, {
      balances: new Map([[account.accountId, account.balanceMicros]]),
      cause: `unfrozen by an operator: ${input.reason}`,
      hasOwnEmail: true,
    });
    const state = standingFor(account.balanceMicros, {
      lowThresholdMicros: account.lowThresholdMicros,
      floorMicros: account.floorMicros,
    });
    await recordAudit(tx, {
      session: operator,
      action: "account.unfreeze",
      target: `account:${account.accountId}`,
      before: { state: account.state, frozenFor: removed[0]!.reason },
      after: { state, reason: input.reason },
    });
    return {
      // One unfreeze per freeze: keyed by the freeze it lifts.
      key: `account-control:${account.accountId}:unfreeze:${removed[0]!.frozenAt.toISOString()}`,
      accountId: account.accountId,
      template: "account-unfrozen",
      data: { state, balanceMicros: account.balanceMicros.toString() },
    };
  });
