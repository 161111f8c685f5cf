import "server-only";
import { desc, eq, like, or } from "drizzle-orm";
import { readSpaceCosts, type SpaceCosts } from "@/lib/account/get-space-costs";
import { readStatementLines, type StatementLinesPage } from "@/lib/account/get-statement-lines";
import { accountIdSchema } from "@/lib/account-controls/account-control-schemas";
import { findBillingAccount, type BillingAccountRecord } from "@/lib/billing/find-billing-account";
import type { Queryable } from "@/lib/db/client";
import { accountClosures, accountFreezes, auditLog, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getAutoRechargeState, type AutoRechargeState } from "@/lib/payments/auto-recharge-settings";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { getAccountPerson, type AccountPerson } from "./get-account-person";
import { listAccountEmails, type AccountEmail } from "./list-account-emails";
import { listAccountPayments, type AccountPayment } from "./list-account-payments";

export type AccountHold = { reason: string; frozenAt: Date; frozenByEmail: string | null };

export type AccountDetail = {
  account: Omit<BillingAccountRecord, "readAt">;
  person: AccountPerson;
  /** An operator's freeze in force (lib/account-controls), or null. */
  hold: AccountHold | null;
  closure: { closedAt: Date; remainingMicros: bigint } | null;
  autoRecharge: AutoRechargeState | null;
  spaces: SpaceCosts;
  statement: StatementLinesPage;
  payments: AccountPayment[];
  emails: AccountEmail[];
  audit: Array<typeof auditLog.$inferSelect>;
};

export const ACCOUNT_AUDIT_LIMIT = 50;

/**
 * Everything the operator's account page shows (/admin/accounts/[accountId]), operators only. The
 * statement and the spaces are the customer's own read models, so the operator sees exactly what the
 * customer sees. A malformed or unknown id is `not_found`, the page's ordinary 404.
 */
export async function getAccountDetail(
  db: Queryable,
  session: AppSession | null,
  accountId: string,
  options: { before?: string } = {},
): Promise<AccountDetail> {
  requireAdmin(session);
  if (!accountIdSchema.safeParse(accountId).success) throw new AppError("not_found", { message: "No such account." });
  const record = await findBillingAccount(db, { accountId });
  if (!record) throw new AppError("not_found", { message: "No such account." });
  const { readAt: _readAt, ...account } = record;
  const [person, [hold], [closure], autoRecharge, spaces, statement, payments, emails, audit] = await Promise.all([
    getAccountPerson(db, account.ownerUserId),
    db
      .select({ reason: accountFreezes.reason, frozenAt: accountFreezes.frozenAt, frozenByEmail: users.email })
      .from(accountFreezes)
      .leftJoin(users, eq(users.id, accountFreezes.frozenBy))
      .where(eq(accountFreezes.accountId, accountId)),
    db
      .select({ closedAt: accountClosures.closedAt, remainingMicros: accountClosures.remainingMicros })
      .from(accountClosures)
      .where(eq(accountClosures.accountId, accountId)),
    getAutoRechargeState(db, accountId),
    readSpaceCosts(db, accountId),
    readStatementLines(db, account, { filter: "all", before: options.before }),
    listAccountPayments(db, account.ledgerAccountId),
    listAccountEmails(db, accountId, account.ownerEmail),
    // Entries about the account: `account:<id>` (account controls), or `account:<id>:<what>` for
    // something of the account's (an adjustment), by the audit log's target convention.
    db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.target, `account:${accountId}`), like(auditLog.target, `account:${accountId}:%`)))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(ACCOUNT_AUDIT_LIMIT),
  ]);
  return {
    account,
    person,
    hold: hold ?? null,
    closure: closure ?? null,
    autoRecharge,
    spaces,
    statement,
    payments,
    emails,
    audit,
  };
}
