import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyStanding } from "@/lib/billing/apply-standing";
import { accountFreezes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { runAccountControl, type AccountControlAction } from "./run-account-control";

export type { AccountControlResult } from "./run-account-control";

/**
 * An operator freezes an account: its standing goes to `frozen` through the standing rules
 * (lib/billing/apply-standing.ts), which from now on hold it frozen whatever money arrives, until an
 * operator unfreezes it. The hold, the standing change, the audit entry naming the operator and the
 * customer's email commit together.
 */
export const freezeAccount: AccountControlAction = (db, session, input) =>
  runAccountControl(db, session, input, async (tx, operator, account) => {
    const [held] = await tx
      .select({ at: accountFreezes.frozenAt })
      .from(accountFreezes)
      .where(eq(accountFreezes.accountId, account.accountId));
    if (held) throw new AppError("conflict", { message: "An operator has already frozen this account." });
    const [hold] = await tx
      .insert(accountFreezes)
      .values({ accountId: account.accountId, reason: input.reason, frozenBy: operator.user.id })
      .returning({ frozenAt: accountFreezes.frozenAt });
    await applyStanding(tx, {
      balances: new Map([[account.accountId, account.balanceMicros]]),
      cause: `frozen by an operator: ${input.reason}`,
      hasOwnEmail: true,
    });
    await recordAudit(tx, {
      session: operator,
      action: "account.freeze",
      target: `account:${account.accountId}`,
      before: { state: account.state },
      after: { state: "frozen", reason: input.reason },
    });
    return {
      key: `account-control:${account.accountId}:freeze:${hold!.frozenAt.toISOString()}`,
      accountId: account.accountId,
      template: "account-frozen",
      data: { reason: input.reason },
    };
  });
