import "server-only";
import { sql } from "drizzle-orm";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { unfreezeAmountMicros } from "@/lib/billing/unfreeze-amount";
import type { Transaction } from "@/lib/db/client";
import type { adjustmentRequests } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { StandingChangeNote } from "@/lib/email/templates/standing-change";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format/money";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import { debitFloorProblem, type FloorProblem } from "./adjustment-floor";

export type AdjustmentRequestRow = typeof adjustmentRequests.$inferSelect;

export type PostedAdjustment = {
  transferId: bigint;
  balanceAfterMicros: bigint;
  isReplay: boolean;
  emailId: bigint | undefined;
};

/** The ledger key of an adjustment: the form's key, so a second post of the same form replays. */
export function adjustmentTransferKey(idempotencyKey: string): string {
  return `adjustment:${idempotencyKey}`;
}

/** The floor rule's refusal, as a field error of the adjustment form. */
export function floorError(problem: FloorProblem, floorMicros: bigint): AppError {
  const after = formatCents(problem.balanceAfterMicros);
  const floor = formatCents(floorMicros);
  const field =
    problem.kind === "would_freeze"
      ? {
          path: "allowFreeze",
          message: `This debit leaves the balance at ${after}, at or below the overdraft floor of ${floor}, and freezes the account. Tick "Allow freeze" to post it anyway.`,
        }
      : {
          path: "amount",
          message: `A debit may take the balance down to the floor of ${floor} and no further: at most ${formatCents(problem.mostMicros)} can be debited now.`,
        };
  return new AppError("validation_failed", { message: field.message, details: { fields: [field] } });
}

/**
 * Posts an adjustment in the caller's transaction: the customer's ledger account locked first (so the
 * floor is checked against the balance the posting moves), one `adjustment` transfer between it and the
 * platform's adjustments account, the standing recomputed under the same lock, and, when the request
 * carries a customer-visible note, its email (which also tells any standing change, whose own email it
 * takes back: one money event, one email). The transfer's `reason` is the note, because the statement
 * shows a transfer's reason to the customer; the operators' reason stays in adjustment_requests.
 */
export async function postAdjustment(tx: Transaction, request: AdjustmentRequestRow): Promise<PostedAdjustment> {
  const target = await tx.execute<{ ledger_id: string; balance: string; floor: string; email: string | null }>(sql`
    select la.id::text as ledger_id, la.balance_micros::text as balance, a.floor_micros::text as floor, u.email
    from billing_accounts a
    join ledger_accounts la on la.billing_account_id = a.id
    left join "user" u on u.id = a.owner_user_id
    where a.id = ${request.accountId}
    for update of la`);
  const row = target.rows[0];
  if (!row) throw new AppError("not_found", { message: "That account does not exist." });
  const customer = BigInt(row.ledger_id);
  const floorMicros = BigInt(row.floor);
  const key = adjustmentTransferKey(request.idempotencyKey);
  const already = await tx.execute<{ id: string }>(sql`select id::text from transfers where idempotency_key = ${key}`);
  if (request.direction === "debit" && already.rows.length === 0) {
    const problem = debitFloorProblem({
      balanceMicros: BigInt(row.balance),
      amountMicros: request.amountMicros,
      floorMicros,
      allowFreeze: request.allowFreeze,
    });
    if (problem) throw floorError(problem, floorMicros);
  }
  const { adjustments } = await getSystemAccounts(tx);
  const transfer: TransferInput = {
    idempotencyKey: key,
    kind: "adjustment",
    fromAccountId: request.direction === "credit" ? adjustments : customer,
    toAccountId: request.direction === "credit" ? customer : adjustments,
    amountMicros: request.amountMicros,
    ...(request.note ? { reason: request.note } : {}),
    metadata: { adjustment_request_id: request.id.toString() },
  };
  const posted = await postCustomerTransfers(tx, [transfer], `adjustment by an operator (request ${request.id})`);
  const { id: transferId, isReplay } = posted.transfers[0]!;
  const balanceAfterMicros = posted.balances.get(customer)!;
  const change = posted.standingChanges.find((item) => item.accountId === request.accountId);
  let emailId: bigint | undefined;
  if (!isReplay && request.note && row.email) {
    let standing: StandingChangeNote | undefined;
    if (change) {
      standing = { from: change.from, to: change.to };
      if (change.to === "frozen")
        standing.unfreezeMicros = unfreezeAmountMicros(balanceAfterMicros, floorMicros).toString();
      await tx.execute(sql`
        delete from email_outbox where sent_at is null and idempotency_key in (
          select 'standing-change:' || id from standing_changes where cause_transfer_id = ${transferId})`);
    }
    emailId = await enqueueEmail(tx, {
      key: `account-adjustment:${transferId}`,
      accountId: request.accountId,
      to: row.email,
      template: "account-adjustment",
      data: {
        direction: request.direction,
        amountMicros: request.amountMicros.toString(),
        balanceMicros: balanceAfterMicros.toString(),
        note: request.note,
        ...(standing ? { standing } : {}),
      },
    });
  }
  return { transferId, balanceAfterMicros, isReplay, emailId };
}
