import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { textArrayLiteral } from "@/lib/db/array-literal";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import type { StandingChange } from "./apply-standing";
import { refuseOverCapsOrThrow, storedTotalsFrom, storedTotalsQuery } from "./check-usage-caps";
import { ensureSpaces, type KnownSpaces } from "./ensure-spaces";
import type { MeterRecord } from "./meter-record";
import { postCustomerTransfers } from "./post-customer-transfers";
import type { RateCard } from "./rate-cards";
import { carriesFrom, rateRecords } from "./rate-records";
import type { Resource } from "./resources";
import { hourRows, storeUsage } from "./store-usage";

/** One request's batch, checked and hashed before any transaction (see ingestUsage). */
export type PreparedBatch = {
  records: MeterRecord[];
  /** The batch's records less in-batch repeats. */
  fresh: MeterRecord[];
  duplicates: number;
  hashes: Map<string, string>;
  /** The rate cards, read before the transaction: a card only ever takes effect from a future hour. */
  cards: RateCard[];
};

export type BatchOutcome = { accepted: number; duplicates: number };
export type GroupOutcome = {
  batches: BatchOutcome[];
  standingChanges: StandingChange[];
  postedTransfers: number;
  /** The ids of the group's spaces (`account|space`), known to exist once the transaction commits. */
  spaceIds: Map<string, bigint>;
};

/** Billing account id → customer ledger account id, locked in id order; unknown accounts are a 404. */
async function lockAccounts(tx: Transaction, records: MeterRecord[]): Promise<Map<string, bigint>> {
  const ids = [...new Set(records.map((record) => record.account))];
  const rows = await tx.execute<{ billing_account_id: string; id: string }>(sql`
    select billing_account_id, id::text from ledger_accounts
    where billing_account_id = any(${textArrayLiteral(ids)}::text[])
    order by id for update`);
  const ledgerIds = new Map(rows.rows.map((row) => [row.billing_account_id, BigInt(row.id)]));
  const unknown = ids.filter((id) => !ledgerIds.has(id));
  if (unknown.length > 0) {
    const index = records.findIndex((record) => record.account === unknown[0]);
    throw new AppError("not_found", {
      message: `Record ${index}: account ${unknown[0]} does not exist. Nothing was stored.`,
      details: { record: index, field: "account", accounts: unknown },
    });
  }
  return ledgerIds;
}

/**
 * The stored hashes of the records' ids and the rating carries of their accounts (and, when asked, the
 * stored totals of the hours they touch, to name what passes a usage cap): one statement, run after the
 * account locks are held, so that none can have been moved by a batch that committed while this one
 * waited.
 */
async function readStoredState(tx: Transaction, fresh: MeterRecord[], spaceIds: Map<string, bigint>, withTotals: boolean) {
  const ids = fresh.map((record) => record.id);
  const accounts = [...new Set(fresh.map((record) => record.account))];
  const totals = withTotals ? storedTotalsQuery(fresh, spaceIds) : undefined;
  const result = await tx.execute<{
    existing: Array<[string, string]>;
    carries: Array<[string, Resource, number, string]>;
    space_hours?: Array<[number, ...string[]]>;
    account_hours?: Array<[number, string]>;
  }>(sql`
    select
      (select coalesce(json_agg(json_build_array(id, payload_hash)), '[]') from meter_records
        where id = any(${textArrayLiteral(ids)}::text[])) as existing,
      (select coalesce(json_agg(json_build_array(account_id, resource, card_id, numerator::text)), '[]') from rating_remainders
        where account_id = any(${textArrayLiteral(accounts)}::text[])) as carries
      ${totals ? sql`, ${totals.sql.spaceHours} as space_hours, ${totals.sql.accountHours} as account_hours` : sql``}`);
  const row = result.rows[0]!;
  return {
    stored: new Map(row.existing),
    carries: carriesFrom(row.carries),
    totals: totals && storedTotalsFrom(totals, { spaceHours: row.space_hours ?? [], accountHours: row.account_hours ?? [] }),
  };
}

/**
 * Sorts each batch's records into new ones and duplicates, in batch order: a record stored before, or
 * accepted from an earlier batch of the group, with the same content is a duplicate; with other
 * content, a conflict that refuses the whole transaction.
 */
function partitionBatches(batches: PreparedBatch[], stored: Map<string, string>) {
  const seen = new Map(stored);
  const accepted: MeterRecord[] = [];
  const hashes: string[] = [];
  const outcomes = batches.map((batch) => {
    let duplicates = batch.duplicates;
    let count = 0;
    for (const record of batch.fresh) {
      const hash = batch.hashes.get(record.id)!;
      const prior = seen.get(record.id);
      if (prior === undefined) {
        seen.set(record.id, hash);
        accepted.push(record);
        hashes.push(hash);
        count++;
      } else if (prior === hash) {
        duplicates++;
      } else {
        const index = batch.records.indexOf(record);
        throw new AppError("idempotency_conflict", {
          message: `Record ${index} (${record.id}) was already received with other content.`,
          details: { record: index, id: record.id },
        });
      }
    }
    return { accepted: count, duplicates };
  });
  return { accepted, hashes, outcomes };
}

/** One usage transfer per charged account; its key names the records it bills, so a retry replays it. */
function usageTransfers(
  accepted: MeterRecord[],
  totals: Map<string, bigint>,
  ledgerIds: Map<string, bigint>,
  revenue: bigint,
) {
  const ids = accepted.map((record) => record.id).sort();
  const batchKey = createHash("sha256").update(ids.join("\n")).digest("hex");
  const charged = [...totals].filter(([, micros]) => micros > 0n);
  const transfers: TransferInput[] = charged.map(([accountId, micros]) => ({
    idempotencyKey: `usage:${batchKey}:${accountId}`,
    kind: "usage",
    fromAccountId: ledgerIds.get(accountId)!,
    toAccountId: revenue,
    amountMicros: micros,
    reason: "Metered usage",
  }));
  return { accounts: charged.map(([accountId]) => accountId), transfers };
}

export type IngestOptions = {
  knownSpaces?: KnownSpaces;
  /**
   * Read the stored totals of the hours touched and refuse a batch over a usage cap before writing,
   * naming the record. Postgres holds the caps either way (CHECK constraints, migration 0024); this
   * only names what passed one, so ingestUsage asks for it when a batch has just failed on a cap.
   */
  isNamingCaps?: boolean;
};

/**
 * Stores and rates one or more batches in the caller's transaction, all or nothing. Each record id is
 * stored under a UNIQUE key in the same transaction as the usage transfer that bills it, so a record
 * can never be billed twice; standing is recomputed in the same transaction (postCustomerTransfers).
 * A batch over a usage cap fails the store statement (23514, or 22003 past bigint), so nothing stays.
 */
export async function ingestInTransaction(
  tx: Transaction,
  batches: PreparedBatch[],
  { knownSpaces, isNamingCaps = false }: IngestOptions = {},
): Promise<GroupOutcome> {
  const fresh = batches.flatMap((batch) => batch.fresh);
  const spaceIds = await ensureSpaces(tx, fresh, knownSpaces);
  const ledgerIds = await lockAccounts(
    tx,
    batches.flatMap((batch) => batch.records),
  );
  const { stored, carries, totals } = await readStoredState(tx, fresh, spaceIds, isNamingCaps);
  const { accepted, hashes, outcomes } = partitionBatches(batches, stored);
  if (accepted.length === 0) return { batches: outcomes, standingChanges: [], postedTransfers: 0, spaceIds };

  // Only multiplications, additions and divisions under the locks: the carries are read, moved and
  // written back. The newest batch's cards: they differ from an older batch's only by a card published
  // in between, which applies from a later hour than any it could have been too early for.
  const hours = hourRows(spaceIds);
  const rated = rateRecords(accepted, batches.at(-1)!.cards, carries, hours.sumsOf);
  if (totals) refuseOverCapsOrThrow({ accepted, costs: rated.costs, batches, hours, stored: totals });
  const system = await getSystemAccounts(tx);
  const { accounts, transfers } = usageTransfers(accepted, rated.totals, ledgerIds, system.usage_revenue);
  const posted = await postCustomerTransfers(tx, transfers, "metered usage");
  const transferByAccount = new Map(accounts.map((accountId, index) => [accountId, posted.transfers[index]!.id]));
  await storeUsage(tx, { accepted, hashes, costs: rated.costs, transferByAccount, carries: rated.carries, hours });
  const postedTransfers = posted.transfers.filter((transfer) => !transfer.isReplay).length;
  return { batches: outcomes, standingChanges: posted.standingChanges, postedTransfers, spaceIds };
}
