import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { postTransfers } from "@/lib/ledger/post-transfers";
import type { PostResult, TransferInput } from "@/lib/ledger/types";
import { applyStanding, type StandingChange } from "./apply-standing";

export type CustomerPostResult = PostResult & { standingChanges: StandingChange[] };

/**
 * Posts transfers that touch customer accounts and recomputes those accounts' standing in the same
 * transaction, under the same locks: every money movement that can cross a threshold goes through here.
 */
export async function postCustomerTransfers(tx: Transaction, inputs: TransferInput[], cause: string): Promise<CustomerPostResult> {
  const posted = await postTransfers(tx, inputs);
  if (posted.balances.size === 0) return { ...posted, standingChanges: [] };
  const ids = [...posted.balances.keys()].map(String);
  const owners = await tx.execute<{ id: string; billing_account_id: string }>(sql`
    select id::text, billing_account_id from ledger_accounts
    where id = any(${`{${ids.join(",")}}`}::bigint[]) and billing_account_id is not null`);
  const balances = new Map(owners.rows.map((row) => [row.billing_account_id, posted.balances.get(BigInt(row.id))!]));
  const fresh = posted.transfers.find((transfer) => !transfer.isReplay);
  const standingChanges = await applyStanding(tx, { balances, cause, causeTransferId: fresh?.id });
  return { ...posted, standingChanges };
}
