import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { textArrayLiteral } from "@/lib/db/array-literal";
import type { Transaction } from "@/lib/db/client";
import { checkBudgetsInTransaction } from "@/lib/budgets/check-budgets";
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
import { usageWriteOffMicros, usageWriteOffTransfer } from "./usage-write-off";

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
  /** Usage write-offs posted (not replayed) and their total, for the metrics after commit. */
  writeOffs: { count: number; micros: bigint };
  /** Budget alert and pause emails recorded by the group (lib/budgets), to send after the commit. */
  budgetEmailIds: bigint[];
};

/** A charged account's customer ledger account, with its balance and floor read under the lock. */
type LockedAccount = { ledgerId: bigint; balanceMicros: bigint; floorMicros: bigint; hasBudgets: boolean };

/**
 * Billing account id → its customer ledger account, locked in id order, with the balance and floor the
 * usage write-off is computed from (the lock holds the balance until this transaction posts); unknown
 * accounts are a 404. The floor comes along in the same statement: no extra round trip under the locks.
 */
async function lockAccounts(tx: Transaction, records: MeterRecord[]): Promise<Map<string, LockedAccount>> {
  const ids = [...new Set(records.map((record) => record.account))];
  // Raw SQL on the measured ingestion path (`npm run bench:ingest`).
  // `has_budgets`: only accounts with a budget pay for the budget check (an index probe otherwise).
  const rows = await tx.execute<{ billing_account_id: string; id: string; balance: string; floor: string; has_budgets: boolean }>(sql`
    select l.billing_account_id, l.id::text, l.balance_micros::text as balance, b.floor_micros::text as floor,
      exists (select 1 from budgets bu where bu.account_id = b.id) as has_budgets
    from ledger_accounts l join billing_accounts b on b.id = l.billing_account_id
    where l.billing_account_id = any(${textArrayLiteral(ids)}::text[])
    order by l.id for update of l`);
  const ledgerIds = new Map(
    rows.rows.map((row) => [
      row.billing_account_id,
      { ledgerId: BigInt(row.id), balanceMicros: BigInt(row.balance), floorMicros: BigInt(row.floor), hasBudgets: row.has_budgets },
    ]),
  );
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

type SystemIds = { revenue: bigint; writeOffs: bigint };

/**
 * One usage transfer per charged account; its key names the records it bills, so a retry replays it.
 * Then, for each account the charge would take below its floor, the write-off of that part (see
 * usage-write-off.ts), after all the usage transfers, so that `transfers[i]` bills `accounts[i]`. All
 * of them are posted by one postTransfers call: the same single statement per group as before.
 */
function usageTransfers(accepted: MeterRecord[], totals: Map<string, bigint>, locked: Map<string, LockedAccount>, system: SystemIds) {
  const ids = accepted.map((record) => record.id).sort();
  const batchKey = createHash("sha256").update(ids.join("\n")).digest("hex");
  const charged = [...totals].filter(([, micros]) => micros > 0n);
  const transfers: TransferInput[] = charged.map(([accountId, micros]) => ({
    idempotencyKey: `usage:${batchKey}:${accountId}`,
    kind: "usage",
    fromAccountId: locked.get(accountId)!.ledgerId,
    toAccountId: system.revenue,
    amountMicros: micros,
    reason: "Metered usage",
  }));
  const writeOffs: TransferInput[] = [];
  charged.forEach(([accountId, micros], index) => {
    const account = locked.get(accountId)!;
    const amountMicros = usageWriteOffMicros(account.balanceMicros, account.floorMicros, micros);
    if (amountMicros === 0n) return;
    writeOffs.push(
      usageWriteOffTransfer({ usage: transfers[index]!, customerLedgerId: account.ledgerId, writeOffLedgerId: system.writeOffs, amountMicros }),
    );
  });
  return { accounts: charged.map(([accountId]) => accountId), transfers: [...transfers, ...writeOffs] };
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
  const locked = await lockAccounts(
    tx,
    batches.flatMap((batch) => batch.records),
  );
  const { stored, carries, totals } = await readStoredState(tx, fresh, spaceIds, isNamingCaps);
  const { accepted, hashes, outcomes } = partitionBatches(batches, stored);
  if (accepted.length === 0) {
    return { batches: outcomes, standingChanges: [], postedTransfers: 0, spaceIds, writeOffs: { count: 0, micros: 0n }, budgetEmailIds: [] };
  }

  // Only multiplications, additions and divisions under the locks: the carries are read, moved and
  // written back. The newest batch's cards: they differ from an older batch's only by a card published
  // in between, which applies from a later hour than any it could have been too early for.
  const hours = hourRows(spaceIds);
  const rated = rateRecords(accepted, batches.at(-1)!.cards, carries, hours.sumsOf);
  if (totals) refuseOverCapsOrThrow({ accepted, costs: rated.costs, batches, hours, stored: totals });
  const system = await getSystemAccounts(tx);
  const { accounts, transfers } = usageTransfers(accepted, rated.totals, locked, {
    revenue: system.usage_revenue,
    writeOffs: system.usage_write_offs,
  });
  const posted = await postCustomerTransfers(tx, transfers, "metered usage");
  const transferByAccount = new Map(accounts.map((accountId, index) => [accountId, posted.transfers[index]!.id]));
  await storeUsage(tx, { accepted, hashes, costs: rated.costs, transferByAccount, carries: rated.carries, hours });
  // Budgets are checked on the spend just stored, under the same account locks, so a space over its
  // pause budget is paused when this request answers (docs/spend-controls.md).
  const budgeted = [...locked].filter(([, account]) => account.hasBudgets).map(([accountId]) => accountId);
  const budgetCheck = budgeted.length > 0 ? await checkBudgetsInTransaction(tx, budgeted) : undefined;
  const newTransfers = posted.transfers.filter((transfer) => !transfer.isReplay);
  const freshWriteOffs = newTransfers.filter((transfer) => transfer.kind === "usage_write_off");
  return {
    batches: outcomes,
    standingChanges: posted.standingChanges,
    postedTransfers: newTransfers.length - freshWriteOffs.length,
    spaceIds,
    writeOffs: { count: freshWriteOffs.length, micros: freshWriteOffs.reduce((sum, transfer) => sum + transfer.amountMicros, 0n) },
    budgetEmailIds: budgetCheck?.emailIds ?? [],
  };
}
