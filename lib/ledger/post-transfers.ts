import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { transferPayloadHash } from "./payload-hash";
import type { PostResult, PostedTransfer, TransferInput } from "./types";

function validate(inputs: TransferInput[]): void {
  for (const input of inputs) {
    if (input.amountMicros <= 0n) {
      throw new AppError("bad_request", { message: `Transfer ${input.idempotencyKey}: amount must be positive.` });
    }
    if (input.fromAccountId === input.toAccountId) {
      throw new AppError("bad_request", { message: `Transfer ${input.idempotencyKey}: from and to are the same account.` });
    }
    if (input.idempotencyKey.length === 0 || input.idempotencyKey.length > 200) {
      throw new AppError("bad_request", { message: "Idempotency keys are 1 to 200 characters." });
    }
  }
}

/**
 * Posts transfers inside the caller's transaction, all or nothing. Ledger accounts are locked in id
 * order (so concurrent posters cannot deadlock or lose an update), keys already posted with the same
 * content are returned as replays, and a key reused with other content aborts with
 * `idempotency_conflict`. Balances are updated in the same transaction as the entries.
 */
export async function postTransfers(tx: Transaction, inputs: TransferInput[]): Promise<PostResult> {
  validate(inputs);
  const hashes = new Map<string, string>();
  const unique: TransferInput[] = [];
  for (const input of inputs) {
    const hash = transferPayloadHash(input);
    const seen = hashes.get(input.idempotencyKey);
    if (seen === undefined) {
      hashes.set(input.idempotencyKey, hash);
      unique.push(input);
    } else if (seen !== hash) {
      throw new AppError("idempotency_conflict", { details: { idempotency_key: input.idempotencyKey } });
    }
  }

  const accountIds = [...new Set(unique.flatMap((input) => [input.fromAccountId, input.toAccountId]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  // Only accounts with a cached balance (customer credit) are locked, in id order; system accounts are
  // never updated in place, so they need no lock and cannot become a hot row. One statement reads the
  // ones and locks the others.
  const allIds = sql.param(accountIds.map(String));
  // Raw SQL on the ledger's measured lock-and-post path: `npm run bench:ingest` (every usage batch posts here).
  const known = await tx.execute<{ id: string; is_cached: boolean }>(sql`
    select id::text, false as is_cached from ledger_accounts where id = any(${allIds}::bigint[]) and balance_micros is null
    union all
    select id::text, true from (
      select id from ledger_accounts where id = any(${allIds}::bigint[]) and balance_micros is not null order by id for update
    ) as locked`);
  if (known.rows.length !== accountIds.length) {
    throw new AppError("internal", { message: "A transfer names a ledger account that does not exist." });
  }
  const cachedIds = new Set(known.rows.filter((row) => row.is_cached).map((row) => BigInt(row.id)));

  const keys = unique.map((input) => input.idempotencyKey);
  // Raw SQL, lock-and-post: one statement for all keys of a batch (`npm run bench:ingest`).
  const existing = await tx.execute<{ id: string; idempotency_key: string; payload_hash: string }>(sql`
    select id::text, idempotency_key, payload_hash from transfers
    where idempotency_key = any(${sql.param(keys)}::text[])`);
  const existingByKey = new Map(existing.rows.map((row) => [row.idempotency_key, row]));

  const results: PostedTransfer[] = [];
  const fresh: TransferInput[] = [];
  for (const input of unique) {
    const prior = existingByKey.get(input.idempotencyKey);
    if (prior === undefined) {
      fresh.push(input);
    } else if (prior.payload_hash !== hashes.get(input.idempotencyKey)) {
      throw new AppError("idempotency_conflict", { details: { idempotency_key: input.idempotencyKey } });
    } else {
      results.push({ ...input, id: BigInt(prior.id), isReplay: true });
    }
  }

  const posted = await insertAndApply(tx, fresh, hashes, balanceDeltas(unique, fresh, cachedIds));
  results.push(...posted.transfers);
  return { transfers: inputs.map((input) => results.find((r) => r.idempotencyKey === input.idempotencyKey)!), balances: posted.balances };
}

/**
 * The change of each cached balance the transfers make: every cached account they name, at 0 when only
 * replays name it (so its balance is still returned), plus the fresh transfers' amounts.
 */
function balanceDeltas(unique: TransferInput[], fresh: TransferInput[], cachedIds: Set<bigint>): Map<bigint, bigint> {
  const deltas = new Map<bigint, bigint>();
  const add = (id: bigint, amount: bigint) => {
    if (cachedIds.has(id)) deltas.set(id, (deltas.get(id) ?? 0n) + amount);
  };
  for (const input of unique) {
    add(input.fromAccountId, 0n);
    add(input.toAccountId, 0n);
  }
  for (const input of fresh) {
    add(input.fromAccountId, -input.amountMicros);
    add(input.toAccountId, input.amountMicros);
  }
  return deltas;
}

/**
 * Inserts the fresh transfers and their entries and applies the deltas to the cached balances, in one
 * statement (one round trip under the locks: ingestion's bench, docs/performance.md). Returns the new
 * transfers and every changed cached balance.
 */
async function insertAndApply(
  tx: Transaction,
  fresh: TransferInput[],
  hashes: Map<string, string>,
  deltas: Map<bigint, bigint>,
): Promise<{ transfers: PostedTransfer[]; balances: Map<bigint, bigint> }> {
  if (fresh.length === 0 && deltas.size === 0) return { transfers: [], balances: new Map() };
  const rows = fresh.map((input) => ({
    idempotency_key: input.idempotencyKey,
    payload_hash: hashes.get(input.idempotencyKey),
    kind: input.kind,
    from_account_id: input.fromAccountId.toString(),
    to_account_id: input.toAccountId.toString(),
    amount_micros: input.amountMicros.toString(),
    reason: input.reason ?? null,
    reverses_transfer_id: input.reversesTransferId?.toString() ?? null,
    metadata: input.metadata ?? {},
  }));
  // Raw SQL, lock-and-post: transfers, entries and the cached balances of a batch in one statement
  // (`npm run bench:ingest`).
  const changes = [...deltas].map(([id, delta]) => ({ id: id.toString(), delta: delta.toString() }));
  const result = await tx.execute<{ transfers: Array<[string, string]> | null; balances: Array<[string, string]> | null }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(
        idempotency_key text, payload_hash text, kind text, from_account_id bigint, to_account_id bigint,
        amount_micros bigint, reason text, reverses_transfer_id bigint, metadata jsonb)
    ), transfer_rows as (
      insert into transfers (idempotency_key, payload_hash, kind, from_account_id, to_account_id, amount_micros, reason, reverses_transfer_id, metadata)
      select idempotency_key, payload_hash, kind, from_account_id, to_account_id, amount_micros, reason, reverses_transfer_id, metadata from input
      returning id, from_account_id, to_account_id, amount_micros, idempotency_key
    ), entry_rows as (
      insert into entries (transfer_id, ledger_account_id, amount_micros)
      select id, from_account_id, -amount_micros from transfer_rows
      union all
      select id, to_account_id, amount_micros from transfer_rows
    ), balance_rows as (
      update ledger_accounts set balance_micros = ledger_accounts.balance_micros + d.delta
      from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as d(id bigint, delta bigint)
      where ledger_accounts.id = d.id
      returning ledger_accounts.id, ledger_accounts.balance_micros
    )
    select (select json_agg(json_build_array(id::text, idempotency_key)) from transfer_rows) as transfers,
      (select json_agg(json_build_array(id::text, balance_micros::text)) from balance_rows) as balances`);
  const row = result.rows[0]!;
  const idByKey = new Map((row.transfers ?? []).map(([id, key]) => [key, BigInt(id)]));
  return {
    transfers: fresh.map((input) => ({ ...input, id: idByKey.get(input.idempotencyKey)!, isReplay: false })),
    balances: new Map((row.balances ?? []).map(([id, balance]) => [BigInt(id), BigInt(balance)])),
  };
}
