import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { ledgerAccounts } from "@/lib/db/schema";
import { postTransfers } from "@/lib/ledger/post-transfers";
import type { PostResult, TransferInput } from "@/lib/ledger/types";
import { applyStanding, type StandingChange } from "./apply-standing";

export type CustomerPostResult = PostResult & { standingChanges: StandingChange[] };

// Ledger account id → its billing account id (null for the platform's own accounts). Set when a ledger
// account is created and never changed, so once read it is remembered (a question less under the locks).
const owners = new Map<bigint, string | null>();

async function ownersOf(tx: Transaction, ids: bigint[]): Promise<Map<bigint, string | null>> {
  const unknown = ids.filter((id) => !owners.has(id));
  if (unknown.length > 0) {
    const rows = await tx
      .select({ id: ledgerAccounts.id, billingAccountId: ledgerAccounts.billingAccountId })
      .from(ledgerAccounts)
      .where(sql`${ledgerAccounts.id} = any(${`{${unknown.join(",")}}`}::bigint[])`);
    for (const row of rows) owners.set(row.id, row.billingAccountId);
  }
  return new Map(ids.map((id) => [id, owners.get(id) ?? null]));
}

/**
 * Posts transfers that touch customer accounts and recomputes those accounts' standing in the same
 * transaction, under the same locks: every money movement that can cross a threshold goes through here.
 */
export async function postCustomerTransfers(tx: Transaction, inputs: TransferInput[], cause: string): Promise<CustomerPostResult> {
  const posted = await postTransfers(tx, inputs);
  if (posted.balances.size === 0) return { ...posted, standingChanges: [] };
  const balances = new Map<string, bigint>();
  for (const [id, owner] of await ownersOf(tx, [...posted.balances.keys()])) {
    if (owner !== null) balances.set(owner, posted.balances.get(id)!);
  }
  const fresh = posted.transfers.find((transfer) => !transfer.isReplay);
  const standingChanges = await applyStanding(tx, { balances, cause, causeTransferId: fresh?.id });
  return { ...posted, standingChanges };
}
