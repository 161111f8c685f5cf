import "server-only";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getMetrics } from "@/lib/observability/metrics";
import type { StandingChange } from "./apply-standing";
import { isUsageCapFailure, usageLimitErrorFrom } from "./check-usage-caps";
import type { KnownSpaces } from "./ensure-spaces";
import { ingestInTransaction, type GroupOutcome, type PreparedBatch } from "./ingest-in-transaction";
import { meterRecordHash, type MeterRecord } from "./meter-record";
import { listRateCards } from "./rate-cards";

export type IngestResult = {
  accepted: number;
  duplicates: number;
  standingChanges: StandingChange[];
  /** Budget alert and pause emails the batch's transaction recorded (lib/budgets), to send after the answer. */
  budgetEmailIds?: bigint[];
};

// Batches that arrive while others are being written wait and are then written together, up to this
// many per transaction: the transaction's round trips under the account locks are paid once per group
// rather than once per batch (group commit). At most this many transactions run at a time per process,
// and never two whose batches share an account: the second would only wait for the first one's locks,
// while holding back batches that could have joined its group.
const MAX_GROUP = 8;
const MAX_RUNNING = 2;
// Space ids seen in committed groups, so that batches of known spaces skip ensureSpaces' statement. Spaces
// are never renamed or deleted; the map is only a cache, emptied when it grows past this size.
const MAX_KNOWN_SPACES = 200_000;

type Pending = {
  batch: PreparedBatch;
  accounts: Set<string>;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
};
/** `running`: the accounts of each group being written. */
type Queue = { pending: Pending[]; running: Set<Set<string>>; knownSpaces: KnownSpaces };
const queues = new WeakMap<Database, Queue>();

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

async function runGroup(db: Database, queue: Queue, batches: PreparedBatch[], isNamingCaps: boolean): Promise<GroupOutcome> {
  const options = { knownSpaces: queue.knownSpaces, isNamingCaps };
  const outcome = await runTransaction(db, (tx) => ingestInTransaction(tx, batches, options));
  // Only after commit: a space created by a transaction that rolled back does not exist.
  if (queue.knownSpaces.size + outcome.spaceIds.size > MAX_KNOWN_SPACES) queue.knownSpaces.clear();
  for (const [key, id] of outcome.spaceIds) queue.knownSpaces.set(key, id);
  // Counted after commit, so a rolled-back batch is never counted.
  const metrics = getMetrics();
  metrics.meterRecords.inc({ outcome: "accepted" }, outcome.batches.reduce((sum, batch) => sum + batch.accepted, 0));
  metrics.meterRecords.inc({ outcome: "duplicate" }, outcome.batches.reduce((sum, batch) => sum + batch.duplicates, 0));
  metrics.ledgerTransfers.inc({ kind: "usage" }, outcome.postedTransfers);
  metrics.ledgerTransfers.inc({ kind: "usage_write_off" }, outcome.writeOffs.count);
  // A Number is exact here: a group's write-off is below 2^53 micro-dollars ($9 billion).
  metrics.usageWrittenOff.inc(Number(outcome.writeOffs.micros));
  for (const change of outcome.standingChanges) metrics.standingChanges.inc({ state: change.to });
  return outcome;
}

async function writeGroup(db: Database, queue: Queue, group: Pending[], isNamingCaps = false): Promise<void> {
  try {
    const batches = group.map((pending) => pending.batch);
    const outcome = await runGroup(db, queue, batches, isNamingCaps);
    group.forEach((pending, index) => {
      // Standing changes concern accounts, not requests: the first request reports them (and mails).
      const standingChanges = index === 0 ? outcome.standingChanges : [];
      const budgetEmailIds = index === 0 ? outcome.budgetEmailIds : [];
      pending.resolve({ ...outcome.batches[index]!, standingChanges, budgetEmailIds });
    });
  } catch (error) {
    if (group.length === 1 && isUsageCapFailure(error)) {
      // Postgres refused a sum past a usage cap and nothing was stored. Write the batch again with the
      // stored totals read, so the answer names the record, resource and hour (it is refused before
      // anything is written); only refused batches pay for that read.
      if (!isNamingCaps) return writeGroup(db, queue, group, true);
      return group[0]!.reject(usageLimitErrorFrom(error));
    }
    if (group.length === 1) return group[0]!.reject(error);
    // Some batch is refused (unknown account, conflicting id) or the group failed: write each batch
    // alone, in order, so each request gets exactly the answer it would have had by itself.
    for (const pending of group) await writeGroup(db, queue, [pending]);
  }
}

/** Takes, in arrival order, up to MAX_GROUP pending batches that share no account with a running group. */
function takeGroup(queue: Queue): { group: Pending[]; accounts: Set<string> } {
  const group: Pending[] = [];
  const accounts = new Set<string>();
  const isFree = (pending: Pending) =>
    [...queue.running].every((busy) => [...pending.accounts].every((account) => !busy.has(account)));
  queue.pending = queue.pending.filter((pending) => {
    if (group.length >= MAX_GROUP || !isFree(pending)) return true;
    group.push(pending);
    for (const account of pending.accounts) accounts.add(account);
    return false;
  });
  return { group, accounts };
}

// A drain stops when what is pending waits for another group's accounts; that group's drain takes it
// next (it looks again after its own group, with nothing else running), so no batch is left behind.
async function drain(db: Database, queue: Queue): Promise<void> {
  for (;;) {
    const { group, accounts } = takeGroup(queue);
    if (group.length === 0) return;
    queue.running.add(accounts);
    try {
      await writeGroup(db, queue, group);
    } finally {
      queue.running.delete(accounts);
    }
  }
}

/**
 * Ingests a batch of meter records atomically: all are stored and rated, or none (see
 * ingestInTransaction). Concurrent batches may share one transaction, each still all or nothing: when
 * any of them is refused, the others are written on their own.
 */
export async function ingestUsage(db: Database, records: MeterRecord[]): Promise<IngestResult> {
  if (records.length === 0) return { accepted: 0, duplicates: 0, standingChanges: [] };
  // Hashing and in-batch checks are pure: done once, before any lock is taken or retried. Cards only
  // ever take effect from a future hour, so reading them before the locks changes nothing.
  const batch: PreparedBatch = { records, ...dedupeBatch(records), cards: await listRateCards(db) };
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], running: new Set(), knownSpaces: new Map() };
    queues.set(db, queue);
  }
  const accounts = new Set(records.map((record) => record.account));
  const result = new Promise<IngestResult>((resolve, reject) => queue.pending.push({ batch, accounts, resolve, reject }));
  if (queue.running.size < MAX_RUNNING) void drain(db, queue);
  return result;
}
