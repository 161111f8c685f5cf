// Money on a test account as the statement shows it, without Stripe: a card top-up with its invoice
// row (lib/invoices' index), an operator's adjustment and a refund, each a real ledger transfer posted
// now, and usage for hours chosen by the test (ingestion's own code).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { emptyUsage } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import type { TransferKind } from "@/lib/ledger/types";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";

async function ledgerOf(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ id: string }>(
    sql`select id::text from ledger_accounts where billing_account_id = ${accountId}`,
  );
  return BigInt(rows.rows[0]!.id);
}

/** Posts one movement on the account: positive credits it (from `from`), negative takes from it. */
export async function postMovement(
  accountId: string,
  kind: TransferKind,
  amountMicros: bigint,
  reason: string,
): Promise<bigint> {
  const customer = await ledgerOf(accountId);
  return runTransaction(getDb(), async (tx) => {
    const system = await getSystemAccounts(tx);
    const other = kind === "adjustment" ? system.adjustments : system.stripe_cash;
    const [fromAccountId, toAccountId] = amountMicros >= 0n ? [other, customer] : [customer, other];
    const amount = amountMicros >= 0n ? amountMicros : -amountMicros;
    const result = await postCustomerTransfers(
      tx,
      [
        {
          idempotencyKey: `statement-test:${randomUUID()}`,
          kind,
          fromAccountId,
          toAccountId,
          amountMicros: amount,
          reason,
        },
      ],
      "test",
    );
    return result.transfers[0]!.id;
  });
}

/** A Checkout top-up credited to the account with its paid invoice numbered `number`. */
export async function postTopUpWithInvoice(accountId: string, amountMicros: bigint, number: string): Promise<void> {
  const transferId = await postMovement(accountId, "top_up", amountMicros, "Top-up by card");
  const session = `cs_test_${randomUUID()}`;
  const cents = amountMicros / 10_000n;
  await getDb().execute(sql`
    insert into top_ups (checkout_session_id, billing_account_id, amount_micros, status, transfer_id)
    values (${session}, ${accountId}, ${amountMicros}, 'paid', ${transferId})`);
  await getDb().execute(sql`
    insert into invoices (id, billing_account_id, source, checkout_session_id, number, status, currency, subtotal_cents, total_cents, amount_paid_cents, issued_at)
    values (${`in_${randomUUID()}`}, ${accountId}, 'checkout', ${session}, ${number}, 'paid', 'usd', ${cents}, ${cents}, ${cents}, now())`);
}

/** Usage of `space` in the hour `hour` (cpu scaled by `weight`, so spaces cost different amounts). */
export async function postUsage(accountId: string, space: string, hour: Date, weight: bigint): Promise<void> {
  await ingestUsage(getDb(), [
    {
      id: `statement-test:${accountId}:${space}:${hour.toISOString()}`,
      account: accountId,
      space,
      hour,
      usage: { ...emptyUsage(), cpu_ms: 1_234_567n * weight, messages: 7_777n },
    },
  ]);
}

/** Usage billed to the account for hours in [from, to), as the hourly rollup holds it (ingestion's truth). */
export async function billedBetween(accountId: string, from: Date, to: Date): Promise<bigint> {
  const rows = await getDb().execute<{ cost: string }>(sql`
    select coalesce(sum(cost_micros), 0)::text as cost from usage_account_hours
    where account_id = ${accountId} and hour >= ${from.toISOString()} and hour < ${to.toISOString()}`);
  return BigInt(rows.rows[0]!.cost);
}
