import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getMetrics } from "@/lib/observability/metrics";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import type { StandingChange } from "./apply-standing";
import { ensureSpaces } from "./ensure-spaces";
import { meterRecordHash, type MeterRecord } from "./meter-record";
import { postCustomerTransfers } from "./post-customer-transfers";
import { listRateCards } from "./rate-cards";
import { carriesFrom, priceRecords, rateRecords, type PricedLine } from "./rate-records";
import type { Resource } from "./resources";
import { storeUsage } from "./store-usage";

export type IngestResult = { accepted: number; duplicates: number; standingChanges: StandingChange[] };

type PreparedBatch = {
  records: MeterRecord[];
  fresh: MeterRecord[];
  duplicates: number;
  hashes: Map<string, string>;
  priced: Map<string, PricedLine[] | null>;
};

/** Drops in-batch repeats of a record (counted as duplicates); the same id with other content is a conflict. */
function dedupeBatch(records: MeterRecord[]) {
  const hashes = new Map<string, string>();
  const fresh: MeterRecord[] = [];
  let duplicates = 0;
  records.forEach((record, index) => {
    const hash = meterRecordHash(record);
    const seen = hashes.get(record.id);
    if (seen === undefined) {
      hashes.set(record.id, hash);
      fresh.push(record);
    } else if (seen === hash) {
      duplicates++;
    } else {
      throw new AppError("idempotency_conflict", {
        message: `Record ${index} (${record.id}) repeats an id in this batch with other content.`,
        details: { record: index, id: record.id },
      });
    }
  });
  return { fresh, duplicates, hashes };
}

/**
 * Sorts the batch's fresh records into new ones and ones already stored (duplicates or conflicts), and
 * reads the rating carries of their accounts: one statement, run after the account locks are held, so
 * that neither can have been moved by a batch that committed while this one waited.
 */
async function readStoredState(tx: Transaction, batch: PreparedBatch) {
  const { fresh, hashes } = batch;
  const ids = fresh.map((record) => record.id);
  const accounts = [...new Set(fresh.map((record) => record.account))];
  const result = await tx.execute<{ existing: Array<[string, string]>; carries: Array<[string, Resource, number, string]> }>(sql`
    select
      (select coalesce(json_agg(json_build_array(id, payload_hash)), '[]') from meter_records
        where id = any(${sql.param(ids)}::text[])) as existing,
      (select coalesce(json_agg(json_build_array(account_id, resource, card_id, numerator::text)), '[]') from rating_remainders
        where account_id = any(${sql.param(accounts)}::text[])) as carries`);
  const row = result.rows[0]!;
  const stored = new Map(row.existing);
  let duplicates = batch.duplicates;
  const accepted: MeterRecord[] = [];
  for (const record of fresh) {
    const prior = stored.get(record.id);
    if (prior === undefined) accepted.push(record);
    else if (prior === hashes.get(record.id)) duplicates++;
    else {
      const index = batch.records.indexOf(record);
      throw new AppError("idempotency_conflict", {
        message: `Record ${index} (${record.id}) was already received with other content.`,
        details: { record: index, id: record.id },
      });
    }
  }
  return { accepted, duplicates, carries: carriesFrom(row.carries) };
}

/** Billing account id → customer ledger account id, locked in id order; unknown accounts are a 404. */
async function lockAccounts(tx: Transaction, records: MeterRecord[]): Promise<Map<string, bigint>> {
  const ids = [...new Set(records.map((record) => record.account))];
  const rows = await tx.execute<{ billing_account_id: string; id: string }>(sql`
    select billing_account_id, id::text from ledger_accounts
    where billing_account_id = any(${sql.param(ids)}::text[])
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
 * Ingests a batch of meter records atomically: all are stored and rated, or none. Each record id is
 * stored under a UNIQUE key in the same transaction as the usage transfer it produced, so a record can
 * never be billed twice; standing is recomputed in that same transaction.
 */
export async function ingestUsage(db: Database, records: MeterRecord[]): Promise<IngestResult> {
  if (records.length === 0) return { accepted: 0, duplicates: 0, standingChanges: [] };
  // Hashing, in-batch checks and pricing are pure: done once, before any lock is taken or retried.
  // Cards only ever take effect from a future hour, so reading them before the locks changes nothing.
  const deduped = dedupeBatch(records);
  const priced = priceRecords(deduped.fresh, await listRateCards(db));
  const batch: PreparedBatch = { records, ...deduped, priced };
  const result = await runTransaction(db, (tx) => ingestInTransaction(tx, batch));
  // Counted after commit, so a rolled-back batch is never counted.
  const metrics = getMetrics();
  metrics.meterRecords.inc({ outcome: "accepted" }, result.accepted);
  metrics.meterRecords.inc({ outcome: "duplicate" }, result.duplicates);
  metrics.ledgerTransfers.inc({ kind: "usage" }, result.postedTransfers);
  for (const change of result.standingChanges) metrics.standingChanges.inc({ state: change.to });
  return { accepted: result.accepted, duplicates: result.duplicates, standingChanges: result.standingChanges };
}

/** One usage transfer per charged account; its key names the batch's records, so a retry replays it. */
function usageTransfers(accepted: MeterRecord[], totals: Map<string, bigint>, ledgerIds: Map<string, bigint>, revenue: bigint) {
  const batchKey = createHash("sha256")
    .update(
      accepted
        .map((record) => record.id)
        .sort()
        .join("\n"),
    )
    .digest("hex");
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

async function ingestInTransaction(tx: Transaction, batch: PreparedBatch): Promise<IngestResult & { postedTransfers: number }> {
  const spaceIds = await ensureSpaces(tx, batch.fresh);
  const ledgerIds = await lockAccounts(tx, batch.records);
  const { accepted, duplicates, carries } = await readStoredState(tx, batch);
  if (accepted.length === 0) return { accepted: 0, duplicates, standingChanges: [], postedTransfers: 0 };
  const unpriced = accepted.find((record) => batch.priced.get(record.id) === null);
  if (unpriced) {
    throw new AppError("bad_request", {
      message: `Record ${unpriced.id}: no rate card is in force for ${unpriced.hour.toISOString()}.`,
    });
  }

  // Only additions and divisions remain under the locks: the carries are read, moved and written back.
  const rated = rateRecords(accepted, batch.priced, carries);
  const system = await getSystemAccounts(tx);
  const { accounts, transfers } = usageTransfers(accepted, rated.totals, ledgerIds, system.usage_revenue);
  const posted = await postCustomerTransfers(tx, transfers, "metered usage");
  const transferByAccount = new Map(accounts.map((accountId, index) => [accountId, posted.transfers[index]!.id]));
  await storeUsage(tx, { accepted, hashes: batch.hashes, costs: rated.costs, transferByAccount, carries: rated.carries, spaceIds });
  const postedTransfers = posted.transfers.filter((transfer) => !transfer.isReplay).length;
  return { accepted: accepted.length, duplicates, standingChanges: posted.standingChanges, postedTransfers };
}
