import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyStanding } from "@/lib/billing/apply-standing";
import type { Database } from "@/lib/db/client";
import { accountFreezes } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { AccountControl } from "./account-control-schemas";
import { lockControlledAccount } from "./lock-controlled-account";

export type AccountControlResult = { accountId: string; emailId: bigint | null };

/**
 * An operator freezes an account: its standing goes to `frozen` through the standing rules
 * (lib/billing/apply-standing.ts), which from now on hold it frozen whatever money arrives, until an
 * operator unfreezes it. The hold, the standing change, the audit entry naming the operator and the
 * customer's email commit together.
 */
export async function freezeAccount(
  db: Database,
  session: AppSession | null,
  input: AccountControl,
): Promise<AccountControlResult> {
  const operator = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const account = await lockControlledAccount(tx, input.accountId);
    if (account.closedAt) throw new AppError("conflict", { message: "This account is closed." });
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
    const emailId = account.ownerEmail
      ? await enqueueEmail(tx, {
          key: `account-control:${account.accountId}:freeze:${hold!.frozenAt.toISOString()}`,
          accountId: account.accountId,
          to: account.ownerEmail,
          template: "account-frozen",
          data: { reason: input.reason },
        })
      : null;
    return { accountId: account.accountId, emailId };
  });
}
