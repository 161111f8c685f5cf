import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { billingAccounts, ledgerAccounts, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import type { StandingState } from "@/lib/ledger/standing";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type AdjustmentTarget = {
  accountId: string;
  email: string | null;
  name: string | null;
  balanceMicros: bigint;
  standing: StandingState;
  floorMicros: bigint;
  /** Above this an adjustment waits for a second operator (ADJUSTMENT_APPROVAL_LIMIT_CENTS). */
  approvalLimitMicros: bigint;
};

/** The account an operator is about to adjust (operators only): who it is, its balance and standing. */
export async function getAdjustmentTarget(
  db: Queryable,
  session: AppSession | null,
  accountId: string,
): Promise<AdjustmentTarget> {
  requireAdmin(session);
  const [row] = await db
    .select({
      accountId: billingAccounts.id,
      email: users.email,
      name: users.name,
      balanceMicros: ledgerAccounts.balanceMicros,
      standing: billingAccounts.state,
      floorMicros: billingAccounts.floorMicros,
    })
    .from(billingAccounts)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.billingAccountId, billingAccounts.id))
    .leftJoin(users, eq(users.id, billingAccounts.ownerUserId))
    .where(eq(billingAccounts.id, accountId));
  if (!row) throw new AppError("not_found", { message: "That account does not exist." });
  return {
    ...row,
    balanceMicros: row.balanceMicros ?? 0n,
    approvalLimitMicros: getEnv().adjustmentApprovalLimitMicros,
  };
}
