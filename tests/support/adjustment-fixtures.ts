// Shared by the adjustment tests (admin-adjustments, admin-approvals): a form's input, the account's
// balance, and counts of the transfers and audit entries an adjustment leaves.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { RequestAdjustmentInput } from "@/lib/adjustments/request-adjustment";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { countRows } from "./auth-fixtures";

export const DOLLAR = 1_000_000n;

export function adjustment(accountId: string, overrides: Partial<RequestAdjustmentInput> = {}): RequestAdjustmentInput {
  return {
    accountId,
    idempotencyKey: randomUUID(),
    direction: "credit",
    amountMicros: 10n * DOLLAR,
    reason: "Internal: goodwill for ticket 4711",
    note: undefined,
    allowFreeze: false,
    ...overrides,
  };
}

export async function balanceOf(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ balance: string }>(
    sql`select balance_micros::text as balance from ledger_accounts where billing_account_id = ${accountId}`,
  );
  return BigInt(rows.rows[0]!.balance);
}

export const transfersFor = (key: string) =>
  countRows(sql`select count(*) from transfers where idempotency_key = ${`adjustment:${key}`}`);
export const auditCount = (action: string, accountId: string, actor: AppSession) =>
  countRows(
    sql`select count(*) from audit_log where action = ${action} and target = ${`account:${accountId}`} and actor_id = ${actor.user.id} and actor_email = ${actor.user.email}`,
  );

export async function fieldOf(work: () => Promise<unknown>): Promise<string | undefined> {
  const error = await work().catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details?.fields as Array<{ path: string }> | undefined)?.[0]?.path;
}
